namespace Platform.Cases.Reports;

/// <summary>
/// The district briefing: the gaps and overlaps of <see cref="WhoDoesWhatWhere"/>, the institutions with
/// overdue referrals from the district, and the service offers serving it added or withdrawn in the period.
/// </summary>
public sealed class DistrictBriefing(CasesDbContext db, WhoDoesWhatWhere map, TimeProvider clock)
{
    public async Task<DistrictBriefingReport> ComputeAsync(ReportScope scope, ReportPeriod period, string? district, CancellationToken cancellationToken)
    {
        var districts = scope.Districts;
        var today = IstanbulTime.Today(clock);
        var whoDoesWhatWhere = await map.ComputeAsync(scope, period, district: null, cancellationToken);
        var overdue = await db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatuses.Made && r.DueBy < today && r.ToInstitutionId != null && districts.Contains(r.FromDistrict))
            .GroupBy(r => new { r.FromDistrict, r.ToInstitutionId })
            .Select(g => new { g.Key.FromDistrict, InstitutionId = g.Key.ToInstitutionId!.Value, Count = g.Count(), Oldest = g.Min(r => r.DueBy) })
            .ToListAsync(cancellationToken);
        var (start, end) = (period.Start, period.End);
        var moved = await db.ServiceOffers.AsNoTracking()
            .Where(o => (o.PublishedAt >= start && o.PublishedAt < end) || (o.WithdrawnAt >= start && o.WithdrawnAt < end))
            .ToListAsync(cancellationToken);
        var wanted = overdue.Select(o => o.InstitutionId).Concat(moved.Select(o => o.InstitutionId)).Distinct().ToList();
        var names = new InstitutionNames(await db.Institutions.AsNoTracking().Where(i => wanted.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken));

        var agendas = new List<DistrictAgenda>();
        foreach (var code in districts)
        {
            var here = whoDoesWhatWhere.Districts.SingleOrDefault(d => d.District == code);
            var overlaps = (here?.Categories ?? []).SelectMany(c => c.Overlaps.Select(o =>
                new CategoryOverlap(c.Category, o.InstitutionId, o.InstitutionName, o.OtherInstitutionId, o.OtherInstitutionName, o.People))).ToList();
            var late = overdue.Where(o => o.FromDistrict == code)
                .Select(o => new OverdueAtInstitution(o.InstitutionId, names.Of(o.InstitutionId), o.Count, o.Oldest))
                .OrderByDescending(o => o.Referrals).ThenBy(o => o.InstitutionName, StringComparer.Ordinal).ToList();
            var serving = moved.Where(o => o.Serves(code)).ToList();
            var added = Moves(serving, o => o.PublishedAt, period, names);
            var withdrawn = Moves(serving, o => o.WithdrawnAt, period, names);
            if (district is not null || (here?.Gaps.Count ?? 0) > 0 || overlaps.Count > 0 || late.Count > 0 || added.Count > 0 || withdrawn.Count > 0)
                agendas.Add(new DistrictAgenda(code, Platform.Contracts.Districts.Find(code)?.NameTr ?? code, here?.Gaps ?? [], overlaps, late, added, withdrawn));
        }
        return new DistrictBriefingReport(district, period.From, period.To, agendas);
    }

    private static List<OfferMoved> Moves(IEnumerable<KnownServiceOffer> offers, Func<KnownServiceOffer, DateTimeOffset?> when, ReportPeriod period, InstitutionNames names) =>
        offers.Where(o => when(o) is { } at && at >= period.Start && at < period.End)
            .Select(o => new OfferMoved(o.Id, o.InstitutionId, names.Of(o.InstitutionId), o.Category, o.NameTr, when(o)!.Value.ToIstanbul()))
            .OrderBy(o => o.At).ToList();
}
