using Platform.Cases.Apis;

namespace Platform.Cases.Transfers;

/// <summary>
/// What a desk that transferred a case away still reads of it: the services it recorded (delivered in
/// its districts) and who held the case when. Not the notes, not the referrals, not the services'
/// notes: those describe the person, who is now the receiving desk's to serve. The read is audited.
/// </summary>
public static class FormerHolder
{
    public const string Holder = "holder";
    public const string Former = "former-holder";

    public static async Task<CasesApi.CaseResponse?> ViewAsync(CasesDbContext db, Partner partner, AuditTrail audit, Case @case, CancellationToken cancellationToken)
    {
        if (!await CaseCustody.HeldBeforeAsync(db, partner, @case.Id, cancellationToken)) return null;
        var districts = partner.Districts.ToList();
        var recorded = await db.Services.AsNoTracking().Where(s => s.CaseId == @case.Id && districts.Contains(s.District))
            .OrderBy(s => s.DeliveredOn).ToListAsync(cancellationToken);
        await audit.ReadAsync(partner, @case.BeneficiaryId, "case", @case.Id, cancellationToken);
        // The holding desk's staff member is the receiving desk's business.
        var summary = CasesApi.CaseSummary.From(@case) with { AssignedTo = null };
        return new CasesApi.CaseResponse(summary, [], recorded.Select(s => CasesApi.ServiceResponse.From(s, null)).ToList(), [],
            await CaseCustody.HistoryAsync(db, @case, cancellationToken), Former);
    }
}
