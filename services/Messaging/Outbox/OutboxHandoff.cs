using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Rows this process has just committed, handed to the relay in memory so it publishes them without reading
/// them back. Best effort by design: the database stays the record, so a hand-off that is dropped (a full
/// queue, a relay that is not the leader) costs only the wait for the relay's next look at the table.
/// </summary>
public sealed class OutboxHandoff
{
    private readonly Channel<OutboxMessage> _committed = Channel.CreateBounded<OutboxMessage>(
        new BoundedChannelOptions(20_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private int _missed;

    public ChannelReader<OutboxMessage> Committed => _committed.Reader;

    /// <summary>Set when a committed row could not be handed over: the relay must look at the table.</summary>
    public bool TakeMissed() => Interlocked.Exchange(ref _missed, 0) == 1;

    internal void Hand(IReadOnlyList<OutboxMessage> rows)
    {
        foreach (var row in rows)
            if (!_committed.Writer.TryWrite(row)) Interlocked.Exchange(ref _missed, 1);
        if (Volatile.Read(ref _missed) == 1) Wake();
    }

    /// <summary>Wakes the relay without a row: to recover from the table, say.</summary>
    public void Wake() => _committed.Writer.TryWrite(WakeUp);

    /// <summary>A row that is no row: written to wake the relay when the queue had no room for real ones.</summary>
    internal static readonly OutboxMessage WakeUp = new() { MessageType = "", Body = "" };
}

/// <summary>
/// Hands outbox rows to <see cref="OutboxHandoff"/> when their transaction commits: EF's own transaction of a
/// SaveChanges, an explicit one around several saves, or none (a single statement EF does not wrap). Rows of a
/// save or transaction that fails are forgotten, never handed over.
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxHandoff handoff) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    /// <summary>Rows written by a context and not yet committed, per context (transactions end in other async flows).</summary>
    private readonly ConditionalWeakTable<DbContext, Uncommitted> _uncommitted = new();

    private sealed class Uncommitted
    {
        public List<OutboxMessage> Rows { get; } = [];
        /// <summary>Where the rows of the save in progress start: a failed save rolls back to its savepoint, and only its rows.</summary>
        public int SaveStartsAt { get; set; }
        /// <summary>A SaveChanges is running: a transaction starting now is EF's own for that save.</summary>
        public bool Saving { get; set; }
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(SavingChanges(eventData, result));

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not { } context) return result;
        var added = AddedRows(context.ChangeTracker);
        if (added.Count == 0 && !_uncommitted.TryGetValue(context, out _)) return result;
        var uncommitted = _uncommitted.GetOrCreateValue(context);
        // No transaction open: rows left from one that ended without a commit (disposed) are dead.
        if (context.Database.CurrentTransaction is null) uncommitted.Rows.Clear();
        uncommitted.SaveStartsAt = uncommitted.Rows.Count;
        uncommitted.Rows.AddRange(added);
        uncommitted.Saving = true;
        return result;
    }

    /// <summary>
    /// The outbox rows the save will insert. PublishOnCommit adds them, so the tracker knows them without a scan
    /// of every entity: SaveChanges detects changes once after this, and need not do it twice.
    /// </summary>
    private static List<OutboxMessage> AddedRows(ChangeTracker tracker)
    {
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try { return tracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList(); }
        finally { tracker.AutoDetectChangesEnabled = detecting; }
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(SavedChanges(eventData, result));

    /// <summary>A save outside any transaction is committed when it returns (EF wrapped it, or it was one statement).</summary>
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not { } context || !_uncommitted.TryGetValue(context, out var uncommitted)) return result;
        uncommitted.Saving = false;
        if (context.Database.CurrentTransaction is null) HandOver(context);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        // Inside a transaction EF rolls the failed save back to its savepoint: its rows are gone, earlier ones stay.
        if (eventData.Context is not { } context || !_uncommitted.TryGetValue(context, out var uncommitted)) return;
        uncommitted.Rows.RemoveRange(uncommitted.SaveStartsAt, uncommitted.Rows.Count - uncommitted.SaveStartsAt);
        uncommitted.Saving = false;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    /// <summary>
    /// An explicit transaction starting: whatever an earlier one left uncommitted (disposed without a commit) is
    /// dead. (A transaction EF starts for a save in progress keeps that save's rows.)
    /// </summary>
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ForgetUnlessSaving(eventData.Context);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        ForgetUnlessSaving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void ForgetUnlessSaving(DbContext? context)
    {
        if (context is not null && _uncommitted.TryGetValue(context, out var uncommitted) && !uncommitted.Saving) uncommitted.Rows.Clear();
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => HandOver(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        HandOver(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void HandOver(DbContext? context)
    {
        if (context is null || !_uncommitted.TryGetValue(context, out var uncommitted)) return;
        _uncommitted.Remove(context);
        if (uncommitted.Rows.Count > 0) handoff.Hand(uncommitted.Rows);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _uncommitted.Remove(context);
    }
}
