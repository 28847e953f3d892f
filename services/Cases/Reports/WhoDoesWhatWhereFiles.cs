using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Platform.Cases.Reports;

/// <summary>
/// The who-does-what-where report as a file for the coordinators' spreadsheets. CSV: one long table (a row
/// per district, category, measure and institution: easy to pivot), UTF-8 with a byte order mark so that
/// Excel shows Ümraniye and Arabic names as written. XLSX: a sheet per part of the report. Districts are
/// named in Turkish; cells a spreadsheet would run as a formula are written as text.
/// </summary>
public static class WhoDoesWhatWhereFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(WhoDoesWhatWhereReport report, string extension) =>
        $"who-does-what-where-{report.District ?? "districts"}-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.{extension}";

    public static byte[] Csv(WhoDoesWhatWhereReport report)
    {
        var csv = new StringBuilder("district,district_name,category,measure,institution_id,institution,other_institution_id,other_institution,value\n");
        void Row(DistrictMap d, string category, string measure, Guid? institution, string? name, Guid? other, string? otherName, double? value) =>
            csv.Append(string.Join(',', d.District, Field(d.DistrictName), category, measure, institution?.ToString() ?? "", Field(name), other?.ToString() ?? "", Field(otherName),
                value?.ToString(CultureInfo.InvariantCulture) ?? "")).Append('\n');
        foreach (var d in report.Districts)
        {
            foreach (var c in d.Categories)
            {
                foreach (var o in c.OfferedBy) Row(d, c.Category, "offers", o.InstitutionId, o.InstitutionName, null, null, o.Offers);
                foreach (var s in c.DeliveredBy)
                {
                    Row(d, c.Category, "services", s.InstitutionId, s.InstitutionName, null, null, s.Services);
                    Row(d, c.Category, "people", s.InstitutionId, s.InstitutionName, null, null, s.People);
                }
                var r = c.Referrals;
                if (r.Made > 0)
                {
                    Row(d, c.Category, "referrals_made", null, null, null, null, r.Made);
                    Row(d, c.Category, "referrals_accepted", null, null, null, null, r.Accepted);
                    Row(d, c.Category, "referrals_declined", null, null, null, null, r.Declined);
                    Row(d, c.Category, "referrals_completed", null, null, null, null, r.Completed);
                    Row(d, c.Category, "referrals_overdue", null, null, null, null, r.Overdue);
                    Row(d, c.Category, "median_days_to_answer", null, null, null, null, r.MedianDaysToAnswer);
                }
                foreach (var o in c.Overlaps) Row(d, c.Category, "overlap_people", o.InstitutionId, o.InstitutionName, o.OtherInstitutionId, o.OtherInstitutionName, o.People);
            }
            foreach (var g in d.Gaps) Row(d, g.Category, "gap_open_cases", null, null, null, null, g.OpenCases);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(WhoDoesWhatWhereReport report)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Offered by"] = report.Districts.SelectMany(d => d.Categories.SelectMany(c => c.OfferedBy.Select(o =>
                new OfferedRow(d.DistrictName, c.Category, Text(o.InstitutionName), o.Offers)))).ToList(),
            ["Delivered by"] = report.Districts.SelectMany(d => d.Categories.SelectMany(c => c.DeliveredBy.Select(s =>
                new DeliveredRow(d.DistrictName, c.Category, Text(s.InstitutionName), s.Services, s.People)))).ToList(),
            ["Referrals"] = report.Districts.SelectMany(d => d.Categories.Where(c => c.Referrals.Made > 0).Select(c =>
                new ReferralRow(d.DistrictName, c.Category, c.Referrals.Made, c.Referrals.Accepted, c.Referrals.Declined, c.Referrals.Completed, c.Referrals.Overdue, c.Referrals.MedianDaysToAnswer))).ToList(),
            ["Overlaps"] = report.Districts.SelectMany(d => d.Categories.SelectMany(c => c.Overlaps.Select(o =>
                new OverlapRow(d.DistrictName, c.Category, Text(o.InstitutionName), Text(o.OtherInstitutionName), o.People)))).ToList(),
            ["Gaps"] = report.Districts.SelectMany(d => d.Gaps.Select(g => new GapRow(d.DistrictName, g.Category, g.OpenCases))).ToList(),
        };
        using var file = new MemoryStream();
        file.SaveAs(sheets, excelType: ExcelType.XLSX);
        return file.ToArray();
    }

    /// <summary>A CSV field: quoted when it holds a comma, quote or line break; defused when a spreadsheet would run it as a formula.</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        value = Text(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static string Text(string value) => value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;

    private sealed record OfferedRow(
        [property: ExcelColumnName("District")] string District, [property: ExcelColumnName("Category")] string Category,
        [property: ExcelColumnName("Institution")] string Institution, [property: ExcelColumnName("Offers")] int Offers);

    private sealed record DeliveredRow(
        [property: ExcelColumnName("District")] string District, [property: ExcelColumnName("Category")] string Category,
        [property: ExcelColumnName("Institution")] string Institution, [property: ExcelColumnName("Services")] int Services,
        [property: ExcelColumnName("People")] int People);

    private sealed record ReferralRow(
        [property: ExcelColumnName("District")] string District, [property: ExcelColumnName("Category")] string Category,
        [property: ExcelColumnName("Made")] int Made, [property: ExcelColumnName("Accepted")] int Accepted,
        [property: ExcelColumnName("Declined")] int Declined, [property: ExcelColumnName("Completed")] int Completed,
        [property: ExcelColumnName("Overdue")] int Overdue, [property: ExcelColumnName("Median days to answer")] double? MedianDaysToAnswer);

    private sealed record OverlapRow(
        [property: ExcelColumnName("District")] string District, [property: ExcelColumnName("Category")] string Category,
        [property: ExcelColumnName("Institution")] string Institution, [property: ExcelColumnName("Other institution")] string OtherInstitution,
        [property: ExcelColumnName("People")] int People);

    private sealed record GapRow(
        [property: ExcelColumnName("District")] string District, [property: ExcelColumnName("Category")] string Category,
        [property: ExcelColumnName("Open cases")] int OpenCases);
}
