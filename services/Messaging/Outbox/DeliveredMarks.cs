using System.Collections.Concurrent;
using Npgsql;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Marks confirmed rows delivered, many per statement: whatever confirms arrived while the previous statement
/// ran go in the next one. The relay's own bookkeeping commits with <c>synchronous_commit = off</c>: a mark lost
/// in a crash only means the row is published once more, and the consumers' inbox absorbs the duplicate. The
/// business transaction and the consumers' commits keep their durable commit.
/// </summary>
public sealed class DeliveredMarks(NpgsqlDataSource database, Action<IReadOnlyList<Guid>> marked, ILogger logger)
{
    private readonly ConcurrentQueue<Guid> _confirmed = new();
    private readonly SemaphoreSlim _arrived = new(0, 1);

    public void Add(Guid id)
    {
        _confirmed.Enqueue(id);
        try { _arrived.Release(); }
        catch (SemaphoreFullException) { /* the flusher is already woken */ }
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var ids = new List<Guid>();
        while (true)
        {
            try { await _arrived.WaitAsync(stoppingToken); }
            catch (OperationCanceledException) { await FlushWhatIsLeftAsync(ids); return; }
            while (_confirmed.TryDequeue(out var id)) ids.Add(id);
            while (ids.Count > 0)
            {
                try
                {
                    await MarkAsync(ids, stoppingToken);
                    marked(ids);
                    ids = [];
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    await FlushWhatIsLeftAsync(ids);
                    return;
                }
                catch (Exception ex)
                {
                    // The rows stay known to the relay, so nothing publishes them again while we retry.
                    logger.LogWarning(ex, "Marking {Count} outbox rows delivered failed; trying again", ids.Count);
                    try { await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken); }
                    catch (OperationCanceledException) { await FlushWhatIsLeftAsync(ids); return; }
                }
            }
        }
    }

    /// <summary>On shutdown, one last try: what is not marked now is published again by the next relay.</summary>
    private async Task FlushWhatIsLeftAsync(List<Guid> ids)
    {
        while (_confirmed.TryDequeue(out var id)) ids.Add(id);
        if (ids.Count == 0) return;
        try { await MarkAsync(ids, CancellationToken.None); }
        catch (Exception ex) { logger.LogWarning(ex, "{Count} delivered outbox rows were not marked before shutdown; they will be published again", ids.Count); }
    }

    private async Task MarkAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One round trip: the transaction, its relaxed commit, the marks and the commit travel together.
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("BEGIN"),
                new NpgsqlBatchCommand("SET LOCAL synchronous_commit TO OFF"),
                new NpgsqlBatchCommand("UPDATE outbox_messages SET delivered_at = now(), attempts = attempts + 1 WHERE id = ANY($1) AND delivered_at IS NULL")
                {
                    Parameters = { new NpgsqlParameter { Value = ids.ToArray() } },
                },
                new NpgsqlBatchCommand("COMMIT"),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
