using System.Threading.Channels;

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
