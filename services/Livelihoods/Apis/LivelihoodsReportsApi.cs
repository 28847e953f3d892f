using Platform.Security.OpenApi;

namespace Platform.Livelihoods.Apis;

/// <summary><c>/api/v1/reports/livelihoods</c>: the programme's figures for a district (or the caller's districts), JSON or CSV.</summary>
public static class LivelihoodsReportsApi
{
    public static IEndpointRouteBuilder MapLivelihoodsReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/livelihoods", Report).WithTags("Reports").RequireAuthorization(PartnerScopes.LivelihoodsRead)
            .WithName("LivelihoodsReport").WithSummary("Enrolled, attendance, sales and income per woman per month, first sales, licences of a district; ?format=csv for CSV")
            .ProducesTextToo("text/csv").ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>What the report and the cohort summary read with: the caller, the figures and the clock.</summary>
    public sealed record ReportServices(ClaimsPrincipal User, LivelihoodsDbContext Db, ProgrammeFigures Figures, TimeProvider Clock, CancellationToken CancellationToken);

    public sealed record ReportResponse(string? District, DateOnly From, DateOnly To, ProgrammeFigures.Figures Figures);

    public static async Task<Results<Ok<ReportResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Report(
        string? district, DateOnly? from, DateOnly? to, string? format, [AsParameters] ReportServices services)
    {
        var today = IstanbulTime.Today(services.Clock);
        var (start, end) = (from ?? today.AddMonths(-3), to ?? today);
        var check = new Validation();
        if (district is not null) check.District("district", district);
        check.Period(start, end);
        if (format is not (null or "json" or "csv")) check.Add("format", "format is json or csv.");
        if (check.Failed) return check.Problem();
        var partner = Partner.From(services.User);
        if (district is not null && !partner.MayActIn(district)) return DistrictProblems.NotGranted(partner, district);
        IReadOnlyCollection<string>? districts = district is not null ? [district] : partner.ActsInAllDistricts ? null : partner.Districts;
        var result = await services.Figures.ComputeAsync(null, districts, start, end, services.CancellationToken);
        if (format == "csv") return TypedResults.Text(ProgrammeFigures.Csv(result), "text/csv; charset=utf-8");
        return TypedResults.Ok(new ReportResponse(district, start, end, result));
    }
}
