using Microsoft.EntityFrameworkCore;
using Platform.Security;

namespace Platform.WebApi.PersonalData;

/// <summary>
/// One read or change of a person's data: who (partner and institution), when, what. Written in the
/// same transaction as a change, and before a read's answer leaves the service.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    /// <summary>The person whose data it was (a beneficiary, an entrepreneur).</summary>
    public Guid SubjectId { get; init; }
    public required string Partner { get; init; }
    public string? Institution { get; init; }
    /// <summary>read, create, update, match (a duplicate check found the person), refer, share.</summary>
    public required string Action { get; init; }
    /// <summary>Which record: beneficiary, case, case-note, service, referral, entrepreneur, sale, ...</summary>
    public required string What { get; init; }
    public Guid? RecordId { get; init; }
    public DateTimeOffset At { get; init; }
}

public static class AuditLogModel
{
    /// <summary>Maps <see cref="AuditEntry"/> to the service's <c>audit_log</c> table.</summary>
    public static ModelBuilder AddAuditLog(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("audit_log");
            audit.HasIndex(a => new { a.SubjectId, a.At });
            audit.Property(a => a.Partner).HasMaxLength(100);
            audit.Property(a => a.Institution).HasMaxLength(100);
            audit.Property(a => a.Action).HasMaxLength(20);
            audit.Property(a => a.What).HasMaxLength(20);
        });
        return modelBuilder;
    }
}

/// <summary>Writes who read or changed a person's data; a read is saved at once, before the answer is sent.</summary>
public sealed class AuditTrail(DbContext db, TimeProvider clock)
{
    public void Record(Partner partner, Guid subjectId, string action, string what, Guid? recordId = null) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            SubjectId = subjectId, Partner = partner.ClientId, Institution = partner.Institution,
            Action = action, What = what, RecordId = recordId ?? subjectId, At = clock.GetUtcNow(),
        });

    public async Task ReadAsync(Partner partner, Guid subjectId, string what, Guid? recordId, CancellationToken cancellationToken)
    {
        Record(partner, subjectId, "read", what, recordId);
        await db.SaveChangesAsync(cancellationToken);
    }

    public IQueryable<AuditEntry> Of(Guid subjectId) => db.Set<AuditEntry>().AsNoTracking().Where(a => a.SubjectId == subjectId);
}
