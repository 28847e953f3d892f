using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Messaging.Transactions;

/// <summary>
/// Hands the rows of type <typeparamref name="TRow"/> a context added to <see cref="Committed"/> once their transaction
/// commits: EF's own transaction of a SaveChanges, an explicit one around several saves, or none (a single statement
/// EF does not wrap). Rows of a save or transaction that fails are forgotten, never handed over. Whatever must
/// happen only after a commit (the outbox's hand-off to its relay, waking the email senders) derives from this.
/// </summary>
public abstract class AfterCommitInterceptor<TRow> : DbTransactionInterceptor, ISaveChangesInterceptor where TRow : class
{
    /// <summary>Rows written by a context and not yet committed, per context (transactions end in other async flows).</summary>
    private readonly ConditionalWeakTable<DbContext, Uncommitted> _uncommitted = new();

    private sealed class Uncommitted
    {
        public List<TRow> Rows { get; } = [];
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

    /// <summary>Their transaction committed: <paramref name="rows"/> (never empty) are in the database for good.</summary>
    protected abstract void Committed(IReadOnlyList<TRow> rows);

    /// <summary>
    /// The rows the save will insert. Added rows are known to the tracker from their Add, so no scan of every
    /// entity is needed: SaveChanges detects changes once after this, and need not do it twice.
    /// </summary>
    private static List<TRow> AddedRows(ChangeTracker tracker)
    {
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try { return tracker.Entries<TRow>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList(); }
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
        if (uncommitted.Rows.Count > 0) Committed(uncommitted.Rows);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _uncommitted.Remove(context);
    }
}
