namespace Platform.Messaging.Outbox;

public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How often the dispatcher looks for rows when no commit woke it (the fallback).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 100;
    /// <summary>Longest pause after a failed delivery (the broker is down, say); pauses double up to this.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Delivered rows older than this are deleted.</summary>
    public TimeSpan RetainDelivered { get; set; } = TimeSpan.FromDays(1);
}
