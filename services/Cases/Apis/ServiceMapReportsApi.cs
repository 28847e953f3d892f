using Platform.Security.OpenApi;

namespace Platform.Cases.Apis;

/// <summary>
/// The service map's reports: who does what where (offers, deliveries, referrals, duplicated programmes
/// and gaps per district and category; JSON, CSV or XLSX) and the briefing a district meeting's host puts
/// on the agenda. District-scoped as every report: counts and institutions, never a person.
/// </summary>
public static class ServiceMapReportsApi
{
    public static IEndpointRouteBuilder MapServiceMapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/who-does-what-where", WhoDoesWhatWhere).WithTags("Reports").RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("WhoDoesWhatWhereReport")
            .WithSummary("Per district and category: who offers it, who delivered it to how many people, referrals and answers, people served by two institutions, needs nobody offers; ?format=csv or xlsx")
            .ProducesTextToo("text/csv").ProducesFileToo(WhoDoesWhatWhereFiles.XlsxContentType).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/api/v1/reports/district-briefing", Briefing).WithTags("Reports").RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("DistrictBriefing")
            .WithSummary("For a district meeting's agenda: gaps, overlaps, institutions with overdue referrals, service offers added or withdrawn in the period")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>What the report handlers need besides the query.</summary>
    public sealed record ReportServices(ClaimsPrincipal User, WhoDoesWhatWhere Map, DistrictBriefing Briefings, TimeProvider Clock, CancellationToken CancellationToken);

    public static async Task<Results<Ok<WhoDoesWhatWhereReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> WhoDoesWhatWhere(
        string? district, DateOnly? from, DateOnly? to, string? format, [AsParameters] ReportServices services)
    {
        var period = ReportPeriod.Of(from, to, services.Clock);
        var check = Check(district, period);
        if (format is not (null or "json" or "csv" or "xlsx")) check.Add("format", "format is json, csv or xlsx.");
        if (check.Failed) return check.Problem();
        var partner = Partner.From(services.User);
        if (ReportScope.Refusal(partner, district) is { } refusal) return refusal;
        var report = await services.Map.ComputeAsync(ReportScope.Of(partner, district), period, district, services.CancellationToken);
        if (format == "csv") return TypedResults.File(WhoDoesWhatWhereFiles.Csv(report), WhoDoesWhatWhereFiles.CsvContentType, WhoDoesWhatWhereFiles.FileName(report, "csv"));
        if (format == "xlsx") return TypedResults.File(WhoDoesWhatWhereFiles.Xlsx(report), WhoDoesWhatWhereFiles.XlsxContentType, WhoDoesWhatWhereFiles.FileName(report, "xlsx"));
        return TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<DistrictBriefingReport>, ValidationProblem, ProblemHttpResult>> Briefing(
        string? district, DateOnly? from, DateOnly? to, [AsParameters] ReportServices services)
    {
        var period = ReportPeriod.Of(from, to, services.Clock);
        var check = Check(district, period);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(services.User);
        if (ReportScope.Refusal(partner, district) is { } refusal) return refusal;
        return TypedResults.Ok(await services.Briefings.ComputeAsync(ReportScope.Of(partner, district), period, district, services.CancellationToken));
    }

    private static Validation Check(string? district, ReportPeriod period)
    {
        var check = new Validation();
        if (district is not null) check.District("district", district);
        check.Period(period.From, period.To);
        return check;
    }
}
