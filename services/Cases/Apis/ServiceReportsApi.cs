namespace Platform.Cases.Apis;

/// <summary>
/// The figures coordination meetings quote (by hand in the seeds): services by category, district and
/// month with amounts; legal aid by subject; each category by providing institution; services by
/// channel; referrals by outcome with days to answer; duplicates flagged and prevented.
/// </summary>
public static class ServiceReportsApi
{
    public static IEndpointRouteBuilder MapServiceReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/services", Report).WithTags("Reports").RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("ServicesReport").WithSummary("Services, referrals and duplicates of a district (or your districts) between two dates")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public sealed record ServiceCount(string Category, string District, string Month, int Count, decimal? Amount);
    public sealed record ReferralOutcome(string Outcome, int Count, int Overdue, double? MedianDaysToAnswer);
    public sealed record Duplicates(int Flagged, int Prevented);
    /// <summary>Legal aid by what it was about; <c>unspecified</c> for services recorded before subjects were.</summary>
    public sealed record LegalAidSubjectCount(string Subject, string District, int Count);
    public sealed record InstitutionCount(string Category, Guid InstitutionId, string? InstitutionName, int Count, decimal? Amount);
    public sealed record ChannelCount(string Channel, int Count);
    public sealed record ServicesReport(string? District, DateOnly From, DateOnly To, IReadOnlyList<ServiceCount> Services, IReadOnlyList<ReferralOutcome> Referrals, Duplicates DuplicateAssistance,
        IReadOnlyList<LegalAidSubjectCount> LegalAidBySubject, IReadOnlyList<InstitutionCount> ByInstitution, IReadOnlyList<ChannelCount> ByChannel);

    public static async Task<Results<Ok<ServicesReport>, ValidationProblem, ProblemHttpResult>> Report(string? district, DateOnly? from, DateOnly? to, ClaimsPrincipal user, CasesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = IstanbulTime.Today(clock);
        var (start, end) = (from ?? today.AddDays(-90), to ?? today);
        var check = new Validation();
        if (district is not null) check.District("district", district);
        check.Period(start, end);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        if (district is not null && !partner.MayActIn(district)) return DistrictProblems.NotGranted(partner, district);
        var districts = district is not null ? [district] : partner.ActsInAllDistricts ? null : partner.Districts.ToList();

        var services = db.Services.AsNoTracking().Where(s => s.DeliveredOn >= start && s.DeliveredOn <= end);
        if (districts is not null) services = services.Where(s => districts.Contains(s.District));
        var serviceCounts = await services
            .GroupBy(s => new { s.Category, s.District, s.DeliveredOn.Year, s.DeliveredOn.Month })
            .Select(g => new { g.Key.Category, g.Key.District, g.Key.Year, g.Key.Month, Count = g.Count(), Amount = g.Sum(s => s.Amount) })
            .ToListAsync(cancellationToken);
        var subjects = await services.Where(s => s.Category == ServiceCategories.LegalAid)
            .GroupBy(s => new { s.Subject, s.District }).Select(g => new { g.Key.Subject, g.Key.District, Count = g.Count() }).ToListAsync(cancellationToken);
        var byInstitution = await services.GroupBy(s => new { s.Category, s.ProviderInstitutionId })
            .Select(g => new { g.Key.Category, g.Key.ProviderInstitutionId, Count = g.Count(), Amount = g.Sum(s => s.Amount) }).ToListAsync(cancellationToken);
        var providerIds = byInstitution.Select(i => i.ProviderInstitutionId).Distinct().ToList();
        var providerNames = await db.Institutions.AsNoTracking().Where(i => providerIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        var byChannel = await services.GroupBy(s => s.Channel).Select(g => new { Channel = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var (startInstant, endInstant) = (IstanbulTime.StartOf(start), IstanbulTime.StartOf(end.AddDays(1)));
        var referrals = db.Referrals.AsNoTracking().Where(r => r.MadeAt >= startInstant && r.MadeAt < endInstant);
        if (districts is not null) referrals = referrals.Where(r => districts.Contains(r.FromDistrict));
        var referralRows = await referrals.Select(r => new { r.Status, r.DueBy, r.MadeAt, r.AnsweredAt }).ToListAsync(cancellationToken);

        var flags = db.DuplicateFlags.AsNoTracking().Where(f => f.CheckedAt >= startInstant && f.CheckedAt < endInstant);
        if (districts is not null) flags = flags.Where(f => districts.Contains(f.District));
        var flagged = await flags.CountAsync(cancellationToken);
        var prevented = await flags.CountAsync(f => f.Prevented, cancellationToken);

        return TypedResults.Ok(new ServicesReport(district, start, end,
            serviceCounts.OrderBy(s => s.Year).ThenBy(s => s.Month).ThenBy(s => s.District, StringComparer.Ordinal).ThenBy(s => s.Category, StringComparer.Ordinal)
                .Select(s => new ServiceCount(s.Category, s.District, $"{s.Year:0000}-{s.Month:00}", s.Count, s.Amount)).ToList(),
            referralRows.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReferralOutcome(
                g.Key, g.Count(), g.Count(r => r.Status == ReferralStatuses.Made && r.DueBy < today),
                Median(g.Where(r => r.AnsweredAt is not null).Select(r => (r.AnsweredAt!.Value - r.MadeAt).TotalDays).ToList()))).ToList(),
            new Duplicates(flagged, prevented),
            subjects.Select(s => new LegalAidSubjectCount(s.Subject ?? "unspecified", s.District, s.Count))
                .OrderBy(s => s.District, StringComparer.Ordinal).ThenByDescending(s => s.Count).ThenBy(s => s.Subject, StringComparer.Ordinal).ToList(),
            byInstitution.Select(i => new InstitutionCount(i.Category, i.ProviderInstitutionId, providerNames.GetValueOrDefault(i.ProviderInstitutionId), i.Count, i.Amount))
                .OrderBy(i => i.Category, StringComparer.Ordinal).ThenByDescending(i => i.Count).ThenBy(i => i.InstitutionId).ToList(),
            byChannel.OrderByDescending(c => c.Count).ThenBy(c => c.Channel, StringComparer.Ordinal).Select(c => new ChannelCount(c.Channel, c.Count)).ToList()));
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var middle = values.Count / 2;
        return Math.Round(values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2, 2);
    }
}
