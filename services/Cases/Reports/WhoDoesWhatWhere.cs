namespace Platform.Cases.Reports;

/// <summary>
/// Who does what where, for the districts of a scope: the offers the directory announced (active now),
/// the services recorded and the referrals made in the period, the people served twice (counted in SQL,
/// <see cref="PeopleCounts"/>), and the needs of open cases no offer meets.
/// </summary>
public sealed class WhoDoesWhatWhere(CasesDbContext db, TimeProvider clock)
{
    public async Task<WhoDoesWhatWhereReport> ComputeAsync(ReportScope scope, ReportPeriod period, string? district, CancellationToken cancellationToken)
    {
        var districts = scope.Districts;
        var today = IstanbulTime.Today(clock);
        var offers = await db.ServiceOffers.AsNoTracking().Where(o => o.WithdrawnAt == null)
            .Select(o => new { o.InstitutionId, o.Category, o.Districts }).ToListAsync(cancellationToken);
        var offered = districts
            .SelectMany(d => offers.Where(o => o.Districts.Contains(KnownServiceOffer.EveryDistrict) || o.Districts.Contains(d)).Select(o => (District: d, o.Category, o.InstitutionId)))
            .ToList();
        var delivered = await PeopleCounts.DeliveredAsync(db, period, districts, cancellationToken);
        var overlaps = await PeopleCounts.OverlapsAsync(db, period, districts, cancellationToken);
        var needs = await PeopleCounts.OpenNeedsAsync(db, districts, cancellationToken);
        var (start, end) = (period.Start, period.End);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.MadeAt >= start && r.MadeAt < end && districts.Contains(r.FromDistrict))
            .Select(r => new { r.FromDistrict, r.Category, r.Status, r.DueBy, r.MadeAt, r.AnsweredAt }).ToListAsync(cancellationToken);

        var names = await InstitutionNamesAsync(
            offered.Select(o => o.InstitutionId).Concat(delivered.Select(d => d.InstitutionId)).Concat(overlaps.SelectMany(o => new[] { o.First, o.Second })), cancellationToken);
        var maps = new List<DistrictMap>();
        foreach (var code in districts)
        {
            var categories = offered.Where(o => o.District == code).Select(o => o.Category)
                .Concat(delivered.Where(d => d.District == code).Select(d => d.Category))
                .Concat(referrals.Where(r => r.FromDistrict == code).Select(r => r.Category))
                .Concat(overlaps.Where(o => o.District == code).Select(o => o.Category))
                .Distinct().Order(StringComparer.Ordinal);
            var rows = categories.Select(category => new CategoryMap(
                category,
                offered.Where(o => o.District == code && o.Category == category).GroupBy(o => o.InstitutionId)
                    .Select(g => new Offering(g.Key, names.Of(g.Key), g.Count())).OrderBy(o => o.InstitutionName, StringComparer.Ordinal).ToList(),
                delivered.Where(d => d.District == code && d.Category == category)
                    .Select(d => new Delivering(d.InstitutionId, names.Of(d.InstitutionId), d.Services, d.People)).OrderBy(d => d.InstitutionName, StringComparer.Ordinal).ToList(),
                Count(referrals.Where(r => r.FromDistrict == code && r.Category == category).Select(r => (r.Status, r.DueBy, r.MadeAt, r.AnsweredAt)).ToList(), today),
                overlaps.Where(o => o.District == code && o.Category == category)
                    .Select(o => new Overlap(o.First, names.Of(o.First), o.Second, names.Of(o.Second), o.People))
                    .OrderByDescending(o => o.People).ThenBy(o => o.InstitutionName, StringComparer.Ordinal).ToList())).ToList();
            var offeredHere = offered.Where(o => o.District == code).Select(o => o.Category).ToHashSet(StringComparer.Ordinal);
            var gaps = needs.Where(n => n.District == code && !offeredHere.Contains(n.Category))
                .Select(n => new Gap(n.Category, n.OpenCases)).OrderByDescending(g => g.OpenCases).ThenBy(g => g.Category, StringComparer.Ordinal).ToList();
            // Asked for one district, it is always answered; across many, the districts with nothing to show are left out.
            if (district is not null || rows.Count > 0 || gaps.Count > 0)
                maps.Add(new DistrictMap(code, Platform.Contracts.Districts.Find(code)?.NameTr ?? code, rows, gaps));
        }
        return new WhoDoesWhatWhereReport(district, period.From, period.To, maps);
    }

    private static ReferralCounts Count(IReadOnlyList<(string Status, DateOnly DueBy, DateTimeOffset MadeAt, DateTimeOffset? AnsweredAt)> referrals, DateOnly today) =>
        referrals.Count == 0 ? ReferralCounts.None : new ReferralCounts(
            referrals.Count,
            referrals.Count(r => r.Status == ReferralStatuses.Accepted),
            referrals.Count(r => r.Status == ReferralStatuses.Declined),
            referrals.Count(r => r.Status == ReferralStatuses.Completed),
            referrals.Count(r => r.Status == ReferralStatuses.Made && r.DueBy < today),
            Median.Of(referrals.Where(r => r.AnsweredAt is not null).Select(r => (r.AnsweredAt!.Value - r.MadeAt).TotalDays)));

    private async Task<InstitutionNames> InstitutionNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return new InstitutionNames(await db.Institutions.AsNoTracking().Where(i => wanted.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken));
    }
}

/// <summary>Institution names from the directory's copy, for a report.</summary>
public sealed record InstitutionNames(IReadOnlyDictionary<Guid, string> Names)
{
    public string Of(Guid id) => Names.GetValueOrDefault(id, "(unknown institution)");
}
