using Platform.Messaging.Outbox;

namespace Platform.Cases.Rights;

/// <summary>
/// Destroys a person's data for good, in one transaction with its <see cref="BeneficiaryErased"/> event:
/// her data key is deleted (crypto-shredding: her details in old backups no longer open) and the sealed
/// details are replaced by a placeholder sealed under the ring, the keyed hashes (identifiers, date of birth)
/// are deleted so the person is never matched again, case notes are deleted, every other free text about
/// the person (service notes, referral and transfer reasons and answers) is replaced by the same
/// placeholder, household memberships go, and queued events lose the applicant sealed for livelihoods.
/// What stays is anonymous: category, date, district, institution, amount, so reports keep their totals.
/// </summary>
public sealed class PersonErasure(CasesDbContext db, PersonalDataProtector protector, AuditTrail audit, TimeProvider clock)
{
    /// <summary>What every erased text reads as: sealed like the text it replaces, so every reader still opens it.</summary>
    public const string Placeholder = "(erased)";

    public async Task EraseAsync(Beneficiary beneficiary, string actor, string? institution, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = beneficiary.Id;

        // Her key goes: what it sealed, here and in every backup, no longer opens. The placeholder is sealed under the ring.
        if (beneficiary.Key is not null) db.PersonKeys.Remove(beneficiary.Key);
        beneficiary.Key = null;
        beneficiary.SealedDetails = protector.Seal(new PersonalDetails(Placeholder, null, DateOnly.MinValue, null), BeneficiaryDetails.Context(id));
        beneficiary.IdentifierHash = null;
        beneficiary.BirthDateHash = [];
        beneficiary.Languages = [];
        beneficiary.ErasedAt = now;
        await db.Identifiers.Where(i => i.BeneficiaryId == id).ExecuteDeleteAsync(cancellationToken);
        await db.HouseholdMembers.Where(m => m.BeneficiaryId == id).ExecuteDeleteAsync(cancellationToken);

        var caseIds = await db.Cases.Where(c => c.BeneficiaryId == id).Select(c => c.Id).ToListAsync(cancellationToken);
        await db.CaseNotes.Where(n => caseIds.Contains(n.CaseId)).ExecuteDeleteAsync(cancellationToken);
        // No more work on an erased person: her cases close (services and referrals are refused on closed cases).
        await db.Cases.Where(c => c.BeneficiaryId == id && c.Status != CaseStatuses.Closed)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CaseStatuses.Closed).SetProperty(x => x.ClosedAt, now), cancellationToken);

        foreach (var service in await db.Services.Where(s => s.BeneficiaryId == id && s.SealedNotes != null).ToListAsync(cancellationToken))
            db.Entry(service).Property(s => s.SealedNotes).CurrentValue = protector.SealText(Placeholder, $"service/{service.Id}");
        var referrals = await db.Referrals.Where(r => r.BeneficiaryId == id).ToListAsync(cancellationToken);
        foreach (var referral in referrals)
        {
            db.Entry(referral).Property(r => r.SealedReason).CurrentValue = protector.SealText(Placeholder, $"referral/{referral.Id}/reason");
            if (referral.SealedAnswer is not null) referral.SealedAnswer = protector.SealText(Placeholder, $"referral/{referral.Id}/answer");
        }
        foreach (var transfer in await db.Transfers.Where(t => t.BeneficiaryId == id).ToListAsync(cancellationToken))
        {
            db.Entry(transfer).Property(t => t.SealedReason).CurrentValue = protector.SealText(Placeholder, CaseTransfer.ReasonContext(transfer.Id));
            if (transfer.SealedDeclineReason is not null)
                db.Entry(transfer).Property(t => t.SealedDeclineReason).CurrentValue = protector.SealText(Placeholder, CaseTransfer.DeclineContext(transfer.Id));
        }
        var referralIds = referrals.Select(r => r.Id).ToList();
        await ForgetSharedApplicantsAsync(referralIds, cancellationToken);

        audit.Record(actor, institution, id, "erase", "beneficiary");
        db.PublishOnCommit(new BeneficiaryErased { BeneficiaryId = id, ReferralIds = referralIds, ErasedAt = now }, id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A referral event, sent or still queued, holds the applicant sealed for livelihoods: the outbox forgets it.</summary>
    private async Task ForgetSharedApplicantsAsync(IReadOnlyList<Guid> referralIds, CancellationToken cancellationToken)
    {
        if (referralIds.Count == 0) return;
        var rows = await db.Set<OutboxMessage>().Where(m => m.AggregateId != null && referralIds.Contains(m.AggregateId.Value)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(row.Body) is not System.Text.Json.Nodes.JsonObject body) continue;
            var key = body.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, "sealedApplicant", StringComparison.OrdinalIgnoreCase));
            if (key is null) continue;
            body[key] = null;
            db.Entry(row).Property(m => m.Body).CurrentValue = body.ToJsonString();
        }
    }
}
