using Platform.Messaging.Transactions;

namespace Platform.Notifications.Delivery;

/// <summary>
/// Nudges the senders when a transaction that added emails commits: not before, or a sender woken early finds
/// nothing yet and sleeps through the mail (a 200-invitee meeting waited up to a poll interval for its first email).
/// </summary>
public sealed class NewMailCommitInterceptor(DeliverySignal signal) : AfterCommitInterceptor<Notification>
{
    protected override void Committed(IReadOnlyList<Notification> rows) => signal.Notify();
}
