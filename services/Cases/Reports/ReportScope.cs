namespace Platform.Cases.Reports;

/// <summary>
/// Which districts a report covers: the one asked for (403 outside the partner's districts), otherwise the
/// partner's own, or every district for a partner that acts city-wide.
/// </summary>
public sealed record ReportScope(IReadOnlyList<string> Districts)
{
    /// <summary>403 when the partner asks for a district it does not act in.</summary>
    public static ProblemHttpResult? Refusal(Partner partner, string? district) =>
        district is not null && !partner.MayActIn(district) ? DistrictProblems.NotGranted(partner, district) : null;

    public static ReportScope Of(Partner partner, string? district) => new(
        district is not null ? [district]
        : partner.ActsInAllDistricts ? [.. Platform.Contracts.Districts.Codes.Order(StringComparer.Ordinal)]
        : [.. partner.Districts.Where(Platform.Contracts.Districts.Codes.Contains).Order(StringComparer.Ordinal)]);
}

/// <summary>A report's period as Istanbul calendar days, and as the instants those days begin and end.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => IstanbulTime.StartOf(From);
    public DateTimeOffset End => IstanbulTime.StartOf(To.AddDays(1));

    /// <summary>The last 90 days unless told otherwise, as the services report.</summary>
    public static ReportPeriod Of(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var today = IstanbulTime.Today(clock);
        return new ReportPeriod(from ?? today.AddDays(-90), to ?? today);
    }
}
