using System.Globalization;
using System.Text;

namespace Platform.Livelihoods.Programme;

/// <summary>
/// The programme's figures for a set of cohorts (one, or a district's) over a period: who is enrolled,
/// how many attend, what is sold and earned per woman and month (net of reversals, to the kuruş), first
/// sales and licences. One computation serves the cohort summary, the district report and their CSV.
/// </summary>
public sealed class ProgrammeFigures(LivelihoodsDbContext db)
{
    public sealed record Month(string Period, decimal Sales, int WomenSelling, decimal IncomePerWoman, int FirstSales, int LicencesGranted, double? AttendanceRate);

    public sealed record Figures(
        int Applicants, int Waiting, int Enrolled, int Graduated, int Withdrawn, double? AttendanceRate, decimal Sales, decimal IncomePerWomanPerMonth,
        int FirstSales, int LicencesGranted, IReadOnlyList<Month> Months);

    /// <summary>Figures of the entrepreneurs in <paramref name="district"/> (or of <paramref name="cohortId"/>) between two dates.</summary>
    public async Task<Figures> ComputeAsync(Guid? cohortId, IReadOnlyCollection<string>? districts, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var women = db.Entrepreneurs.AsNoTracking();
        var sales = db.Sales.AsNoTracking().Where(s => s.SoldOn >= from && s.SoldOn <= to);
        var trainings = db.Trainings.AsNoTracking();
        if (cohortId is { } cohort)
        {
            women = women.Where(e => e.CohortId == cohort);
            sales = sales.Where(s => s.CohortId == cohort);
            trainings = trainings.Where(t => t.CohortId == cohort);
        }
        if (districts is not null)
        {
            women = women.Where(e => districts.Contains(e.District));
            sales = sales.Where(s => districts.Contains(s.District));
            var cohorts = db.Cohorts.Where(c => districts.Contains(c.District)).Select(c => c.Id);
            trainings = trainings.Where(t => cohorts.Contains(t.CohortId));
        }

        var statuses = await women.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var milestones = await women.Where(e => (e.FirstSaleOn >= from && e.FirstSaleOn <= to) || (e.LicenceGrantedOn >= from && e.LicenceGrantedOn <= to))
            .Select(e => new { e.FirstSaleOn, e.LicenceGrantedOn }).ToListAsync(cancellationToken);
        var saleRows = await sales.GroupBy(s => new { s.SoldOn.Year, s.SoldOn.Month, s.EntrepreneurId })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.EntrepreneurId, Total = g.Sum(s => s.Total) }).ToListAsync(cancellationToken);
        var (start, end) = (IstanbulTime.StartOf(from), IstanbulTime.StartOf(to.AddDays(1)));
        var attendance = await trainings.Where(t => t.StartsAt >= start && t.StartsAt < end)
            .SelectMany(t => t.Attendance.Select(a => new { t.StartsAt, a.Present })).ToListAsync(cancellationToken);

        // Income is shared among the women in the programme (enrolled or graduated), not only those who sold.
        var participants = statuses.GetValueOrDefault(EntrepreneurStatuses.Enrolled) + statuses.GetValueOrDefault(EntrepreneurStatuses.Graduated);
        var months = new List<Month>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var inMonth = saleRows.Where(r => r.Year == month.Year && r.Month == month.Month).ToList();
            var total = inMonth.Sum(r => r.Total);
            var present = attendance.Where(a => a.StartsAt.ToIstanbul().Year == month.Year && a.StartsAt.ToIstanbul().Month == month.Month).ToList();
            months.Add(new Month(
                month.ToString("yyyy-MM", CultureInfo.InvariantCulture), total, inMonth.Count(r => r.Total > 0),
                participants == 0 ? 0 : decimal.Round(total / participants, 2),
                milestones.Count(m => m.FirstSaleOn is { } d && d.Year == month.Year && d.Month == month.Month),
                milestones.Count(m => m.LicenceGrantedOn is { } d && d.Year == month.Year && d.Month == month.Month),
                present.Count == 0 ? null : Math.Round((double)present.Count(a => a.Present) / present.Count, 3)));
        }
        var salesTotal = saleRows.Sum(r => r.Total);
        return new Figures(
            statuses.GetValueOrDefault(EntrepreneurStatuses.Applicant), statuses.GetValueOrDefault(EntrepreneurStatuses.Waiting),
            statuses.GetValueOrDefault(EntrepreneurStatuses.Enrolled), statuses.GetValueOrDefault(EntrepreneurStatuses.Graduated),
            statuses.GetValueOrDefault(EntrepreneurStatuses.Withdrawn),
            attendance.Count == 0 ? null : Math.Round((double)attendance.Count(a => a.Present) / attendance.Count, 3),
            salesTotal, participants == 0 || months.Count == 0 ? 0 : decimal.Round(salesTotal / participants / months.Count, 2),
            milestones.Count(m => m.FirstSaleOn >= from && m.FirstSaleOn <= to), milestones.Count(m => m.LicenceGrantedOn >= from && m.LicenceGrantedOn <= to), months);
    }

    /// <summary>The figures as CSV (invariant culture, one row per month and a total): what coordination meetings paste into their reports.</summary>
    public static string Csv(Figures figures)
    {
        var csv = new StringBuilder("month,enrolled,sales_try,women_selling,income_per_woman_try,first_sales,licences_granted,attendance_rate\n");
        foreach (var m in figures.Months)
            csv.Append(CultureInfo.InvariantCulture, $"{m.Period},{figures.Enrolled},{m.Sales:0.00},{m.WomenSelling},{m.IncomePerWoman:0.00},{m.FirstSales},{m.LicencesGranted},{m.AttendanceRate?.ToString("0.000", CultureInfo.InvariantCulture)}\n");
        csv.Append(CultureInfo.InvariantCulture, $"total,{figures.Enrolled},{figures.Sales:0.00},,{figures.IncomePerWomanPerMonth:0.00},{figures.FirstSales},{figures.LicencesGranted},{figures.AttendanceRate?.ToString("0.000", CultureInfo.InvariantCulture)}\n");
        return csv.ToString();
    }

}
