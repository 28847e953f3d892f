using Microsoft.EntityFrameworkCore;
using Platform.Security;
using Platform.WebApi.Paging;

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
        Record(partner.ClientId, partner.Institution, subjectId, action, what, recordId);

    /// <summary>A change no partner made directly: an event from another service (the actor names it, e.g. <c>cases referral REF-…</c>).</summary>
    public void Record(string actor, string? institution, Guid subjectId, string action, string what, Guid? recordId = null) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            SubjectId = subjectId, Partner = actor, Institution = institution,
            Action = action, What = what, RecordId = recordId ?? subjectId, At = clock.GetUtcNow(),
        });

    public async Task ReadAsync(Partner partner, Guid subjectId, string what, Guid? recordId, CancellationToken cancellationToken)
    {
        Record(partner, subjectId, "read", what, recordId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A list that unseals several people's data: one read entry per person, saved before the answer leaves.</summary>
    public async Task ReadManyAsync(Partner partner, IEnumerable<(Guid SubjectId, Guid RecordId)> reads, string what, CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var (subjectId, recordId) in reads.Distinct())
        {
            Record(partner, subjectId, "read", what, recordId);
            any = true;
        }
        if (any) await db.SaveChangesAsync(cancellationToken);
    }

    public IQueryable<AuditEntry> Of(Guid subjectId) => db.Set<AuditEntry>().AsNoTracking().Where(a => a.SubjectId == subjectId);

    /// <summary>One page of a person's audit log, newest first: the same answer in every service that keeps one.</summary>
    public async Task<Page<AuditResponse>> PageAsync(Guid subjectId, PageRequest paging, CancellationToken cancellationToken)
    {
        var query = Of(subjectId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(a => new AuditResponse(a.At, a.Partner, a.Institution, a.Action, a.What, a.RecordId)).ToListAsync(cancellationToken);
        return new Page<AuditResponse>(items, paging.Page, paging.PageSize, total);
    }
}

/// <summary>One line of a person's audit log as partners read it.</summary>
public sealed record AuditResponse(DateTimeOffset At, string Partner, string? Institution, string Action, string What, Guid? RecordId);
