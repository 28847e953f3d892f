namespace Platform.Cases.Auditing;

/// <summary>
/// Writes who read or changed a person's data. Changes are audited in their own transaction; a read is
/// audited (and saved) before its answer is sent, so nothing is shown that the log does not know of.
/// </summary>
public sealed class AuditTrail(CasesDbContext db, TimeProvider clock)
{
    public void Record(Partner partner, Guid beneficiaryId, string action, string what, Guid? recordId = null) =>
        db.Audit.Add(new AuditEntry
        {
            BeneficiaryId = beneficiaryId, Partner = partner.ClientId, Institution = partner.Institution,
            Action = action, What = what, RecordId = recordId ?? beneficiaryId, At = clock.GetUtcNow(),
        });

    /// <summary>Audits a read and saves it at once.</summary>
    public async Task ReadAsync(Partner partner, Guid beneficiaryId, string what, Guid? recordId, CancellationToken cancellationToken)
    {
        Record(partner, beneficiaryId, "read", what, recordId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
