using Platform.Notifications.Composition;

namespace Platform.Notifications.Delivery;

/// <summary>
/// Where consumers put the emails an event calls for: one Pending row per (event, recipient, kind) in
/// the consumer's own transaction, then a nudge to the sender. The unique key means a second delivery
/// of the same event can never become a second email.
/// </summary>
public sealed class DeliveryLog(NotificationsDbContext db, DeliverySignal signal, TimeProvider clock)
{
    public void Add(Guid eventId, Guid subjectId, string kind, Guid recipientId, string recipientName, string recipientEmail, string language, ComposedEmail email)
    {
        var now = clock.GetUtcNow();
        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            SubjectId = subjectId,
            Kind = kind,
            RecipientId = recipientId,
            RecipientName = recipientName,
            RecipientEmail = recipientEmail,
            Language = language,
            Subject = email.Subject,
            MessageId = email.MessageId,
            Content = email.Content,
            CreatedAt = now,
            NextAttemptAt = now,
            TraceParent = System.Diagnostics.Activity.Current?.Id,
        });
        signal.Notify();
    }
}

/// <summary>Wakes the sender when there is new mail, instead of letting it wait for its next poll.</summary>
public sealed class DeliverySignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
