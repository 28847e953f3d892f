namespace Platform.Contracts;

/// <summary>An email could not be delivered and will not be retried (the address or mailbox was refused).</summary>
public sealed record NotificationFailed
{
    public required Guid NotificationId { get; init; }
    /// <summary>The meeting (or action item) it was about.</summary>
    public required Guid SubjectId { get; init; }
    public required string Kind { get; init; }
    public required Guid RecipientId { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset FailedAt { get; init; }
}
