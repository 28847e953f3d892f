using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Notifications.Delivery;

/// <summary>
/// Nudges the senders when a transaction that added emails commits: not before, or a sender woken early finds
/// nothing yet and sleeps through the mail (a 200-invitee meeting waited up to a poll interval for its first email).
/// </summary>
public sealed class NewMailCommitInterceptor(DeliverySignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    /// <summary>Contexts whose open transaction has added emails.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _withNewMail = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && HasNewMail(context)) _withNewMail.AddOrUpdate(context, this);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(SavingChanges(eventData, result));

    /// <summary>A save outside an explicit transaction has committed when it returns.</summary>
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context) Committed(context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(SavedChanges(eventData, result));

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _withNewMail.Remove(context)) signal.Notify();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _withNewMail.Remove(context);
    }

    /// <summary>Added emails are known to the tracker from their Add: no scan of every entity for changes is needed.</summary>
    private static bool HasNewMail(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try { return tracker.Entries<Notification>().Any(entry => entry.State == EntityState.Added); }
        finally { tracker.AutoDetectChangesEnabled = detecting; }
    }
}
