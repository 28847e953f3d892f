using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Messaging.Telemetry;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to the broker (waiting for its confirm) and marks them delivered.
/// It never gives up: a failed publish leaves the row pending and is tried again after a pause.
/// Several instances can share one outbox: rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, and an
/// instance leaves an aggregate alone while another holds an earlier row of it, so each aggregate's
/// events reach the broker in the order they were written.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    MessagingMetrics metrics,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    internal static readonly ActivitySource ActivitySource = new(MessagingMetrics.MeterName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var retryDelay = TimeSpan.Zero;
        var nextCleanup = DateTimeOffset.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int claimed;
                do claimed = await DispatchBatchAsync(settings.BatchSize, stoppingToken);
                while (claimed == settings.BatchSize);
                retryDelay = TimeSpan.Zero;

                if (DateTimeOffset.UtcNow >= nextCleanup)
                {
                    await DeleteDeliveredAsync(settings.RetainDelivered, stoppingToken);
                    nextCleanup = DateTimeOffset.UtcNow.AddMinutes(10);
                }
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                retryDelay = retryDelay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, settings.MaxRetryDelay.Ticks));
                logger.LogWarning(ex, "Outbox delivery failed; trying again in {RetryDelayMs} ms", retryDelay.TotalMilliseconds);
                try { await Task.Delay(retryDelay, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Claims and delivers one batch; returns how many rows it claimed.</summary>
    private async Task<int> DispatchBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($"SELECT * FROM outbox_messages WHERE delivered_at IS NULL ORDER BY sequence LIMIT {batchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        await RecordBacklogAsync(db, cancellationToken);
        if (rows.Count == 0) return 0;

        var blocked = await AggregatesWithEarlierRowsElsewhereAsync(db, rows, cancellationToken);
        // Different aggregates are published concurrently (each waits for its own broker confirm);
        // one aggregate's rows go one after another, in order, and stop at its first failure.
        var lanes = rows.Where(r => r.AggregateId is not { } id || !blocked.Contains(id))
            .GroupBy(r => r.AggregateId ?? r.Id)
            .Select(lane => DeliverInOrderAsync(lane, cancellationToken))
            .ToList();
        try
        {
            await Task.WhenAll(lanes);
        }
        finally
        {
            // Keep what was delivered (and each failure's note); the rest stays pending, in order.
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        return rows.Count;
    }

    private async Task DeliverInOrderAsync(IEnumerable<OutboxMessage> lane, CancellationToken cancellationToken)
    {
        foreach (var row in lane)
        {
            row.Attempts++;
            try
            {
                await PublishAsync(row, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                row.LastError = ex.Message;
                throw;
            }
            row.DeliveredAt = DateTimeOffset.UtcNow;
            metrics.Delivered(row.DeliveredAt.Value - row.CreatedAt);
        }
    }

    /// <summary>
    /// Aggregates of this batch that have an earlier pending row this instance did not claim: another
    /// instance holds it, so publishing ours now could overtake it.
    /// </summary>
    private static async Task<HashSet<Guid>> AggregatesWithEarlierRowsElsewhereAsync(TContext db, List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var firstClaimed = rows.Where(r => r.AggregateId is not null)
            .GroupBy(r => r.AggregateId!.Value)
            .ToDictionary(g => g.Key, g => g.Min(r => r.Sequence));
        if (firstClaimed.Count == 0) return [];
        var ids = firstClaimed.Keys.ToList();
        var firstPending = await db.Set<OutboxMessage>()
            .Where(m => m.DeliveredAt == null && m.AggregateId != null && ids.Contains(m.AggregateId.Value))
            .GroupBy(m => m.AggregateId!.Value)
            .Select(g => new { AggregateId = g.Key, Sequence = g.Min(m => m.Sequence) })
            .ToListAsync(cancellationToken);
        return firstPending.Where(p => p.Sequence < firstClaimed[p.AggregateId]).Select(p => p.AggregateId).ToHashSet();
    }

    private async Task RecordBacklogAsync(TContext db, CancellationToken cancellationToken) =>
        metrics.SetBacklog(await db.Set<OutboxMessage>().LongCountAsync(m => m.DeliveredAt == null, cancellationToken));

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var messageType = Type.GetType(row.MessageType, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(row.Body, messageType, OutboxWriter.Json)!;
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = ActivitySource.StartActivity("outbox deliver", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.Id);
        activity?.SetTag("messaging.message.type", messageType.Name);
        // A broker that is down makes Publish wait for the connection: bound it so the loop backs off instead.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        await bus.Publish(message, messageType, context => context.MessageId = row.Id, timeout.Token);
    }

    private async Task DeleteDeliveredAsync(TimeSpan retain, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = DateTimeOffset.UtcNow - retain;
        await db.Set<OutboxMessage>().Where(m => m.DeliveredAt != null && m.DeliveredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
