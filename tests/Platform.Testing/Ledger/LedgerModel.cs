using Microsoft.EntityFrameworkCore;
using Platform.Messaging;

namespace Platform.Testing.Ledger;

/// <summary>The state a command changes.</summary>
public sealed class Account
{
    public Guid Id { get; init; }
    public long Credits { get; set; }
}

/// <summary>A consumer's side effect: one row per handled event (no unique key, so a duplicate would show).</summary>
public sealed class CreditSeen
{
    public long Id { get; init; }
    public Guid MessageId { get; init; }
    public Guid AccountId { get; init; }
    public long Sequence { get; init; }
    public string? TraceId { get; init; }
    /// <summary>When the relay (or a direct publisher) sent it: splits the lag into the relay's and the consumer's.</summary>
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset SeenAt { get; init; }
}

public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<CreditSeen> CreditsSeen => Set<CreditSeen>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CreditSeen>().Property(c => c.Id).UseIdentityAlwaysColumn();
        modelBuilder.AddOutboxAndInbox();
    }
}
