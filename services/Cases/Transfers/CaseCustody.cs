namespace Platform.Cases.Transfers;

/// <summary>
/// Who held a case when: the desk that opened it from its opening, then each receiving desk from the
/// moment it accepted a transfer, until the next one did. Derived from the accepted transfers, so the
/// history cannot disagree with them.
/// </summary>
public sealed record CustodyPeriod(string District, Guid? InstitutionId, string HeldBy, DateTimeOffset From, DateTimeOffset? Until, Guid? TransferId);

public static class CaseCustody
{
    public static async Task<IReadOnlyList<CustodyPeriod>> HistoryAsync(CasesDbContext db, Case @case, CancellationToken cancellationToken)
    {
        var accepted = await db.Transfers.AsNoTracking()
            .Where(t => t.CaseId == @case.Id && t.Status == TransferStatuses.Accepted)
            .OrderBy(t => t.AnsweredAt).ToListAsync(cancellationToken);
        return History(@case, accepted);
    }

    public static IReadOnlyList<CustodyPeriod> History(Case @case, IReadOnlyList<CaseTransfer> accepted)
    {
        var first = accepted.Count > 0 ? accepted[0] : null;
        var periods = new List<CustodyPeriod>
        {
            new(first?.FromDistrict ?? @case.District, first?.FromInstitutionId, @case.OpenedBy, @case.OpenedAt, first?.AnsweredAt, null),
        };
        for (var i = 0; i < accepted.Count; i++)
        {
            var transfer = accepted[i];
            var institution = transfer.ToInstitutionId ?? (Guid.TryParse(transfer.AnsweredByInstitution, out var own) ? own : null);
            var until = i + 1 < accepted.Count ? accepted[i + 1].AnsweredAt : null;
            periods.Add(new CustodyPeriod(transfer.ToDistrict, institution, transfer.AnsweredBy!, transfer.AnsweredAt!.Value, until, transfer.Id));
        }
        return periods;
    }

    /// <summary>
    /// Whether <paramref name="partner"/> held the case before and gave it away: it keeps reading the
    /// services it recorded, and nothing more of the person.
    /// </summary>
    public static Task<bool> HeldBeforeAsync(CasesDbContext db, Partner partner, Guid caseId, CancellationToken cancellationToken)
    {
        var districts = partner.Districts.ToList();
        return db.Transfers.AsNoTracking().AnyAsync(t => t.CaseId == caseId && t.Status == TransferStatuses.Accepted && districts.Contains(t.FromDistrict), cancellationToken);
    }
}
