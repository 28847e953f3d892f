namespace Platform.Messaging.Inbox;

/// <summary>Proof that a consumer has already handled a message; its key makes redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
