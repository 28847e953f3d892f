namespace Platform.Livelihoods.Apis;

/// <summary><c>/api/v1/reports/livelihoods</c>: the programme's figures for a district (or the caller's districts), JSON or CSV.</summary>
public static class LivelihoodsReportsApi
{
    public static IEndpointRouteBuilder MapLivelihoodsReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/livelihoods", Report).WithTags("Reports").RequireAuthorization(PartnerScopes.LivelihoodsRead)
            .WithName("LivelihoodsReport").WithSummary("Enrolled, attendance, sales and income per woman per month, first sales, licences of a district; ?format=csv for CSV");
        return app;
    }

    public static async Task<IResult> Report(string? district, DateOnly? from, DateOnly? to, string? format, ClaimsPrincipal user, ProgrammeFigures figures, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = IstanbulTime.Today(clock);
        var (start, end) = (from ?? today.AddMonths(-3), to ?? today);
        var check = new Validation();
        if (district is not null) check.District("district", district);
        check.Period(start, end);
        if (format is not (null or "json" or "csv")) check.Add("format", "format is json or csv.");
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        if (district is not null && !partner.MayActIn(district)) return DistrictProblems.NotGranted(partner, district);
        IReadOnlyCollection<string>? districts = district is not null ? [district] : partner.ActsInAllDistricts ? null : partner.Districts;
        var result = await figures.ComputeAsync(null, districts, start, end, cancellationToken);
        return format == "csv"
            ? TypedResults.Text(ProgrammeFigures.Csv(result), "text/csv; charset=utf-8")
            : TypedResults.Ok(new { district, from = start, to = end, figures = result });
    }
}
