namespace Platform.Messaging.Outbox;

public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How often the relay looks at the table when nothing woke it (the fallback), and how often a follower tries for leadership.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How many rows the relay reads from the table at a time when it recovers.</summary>
    public int BatchSize { get; set; } = 500;
    /// <summary>How many publishes may wait for the broker's confirm at once.</summary>
    public int PublishWindow { get; set; } = 500;
    /// <summary>Longest pause after a failed delivery (the broker is down, say); pauses double up to this.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How long every publish may fail on a connected bus before the bus is restarted (<see cref="PublisherRenewal"/>).</summary>
    public TimeSpan RenewPublisherAfter { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Delivered rows older than this are deleted.</summary>
    public TimeSpan RetainDelivered { get; set; } = TimeSpan.FromDays(1);
}
