namespace Platform.Messaging.Redelivery;

public sealed class ConsumerRetryOptions
{
    public const string SectionName = "Messaging:Retry";

    // Configuration binding appends array items to an initialised array, so the defaults are applied
    // only when the section leaves a list empty (see MessagingExtensions).
    internal static readonly TimeSpan[] DefaultImmediateRetries = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];
    internal static readonly TimeSpan[] DefaultDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    /// <summary>Immediate retries in the same delivery, for faults that pass within a second (a deadlock, a dropped connection).</summary>
    public TimeSpan[] ImmediateRetries { get; set; } = [];

    /// <summary>
    /// Then the message goes back to its queue after each of these delays (a database or partner system
    /// that is down for minutes); after the last one it moves to the <c>_error</c> queue.
    /// </summary>
    public TimeSpan[] Delays { get; set; } = [];
}
