using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to the broker in insertion order and marks them delivered.
/// It never gives up: a failed publish leaves the row pending and is tried again after a pause.
/// Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several instances of a service can run it.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    internal static readonly ActivitySource ActivitySource = new("Platform.Messaging");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var retryDelay = TimeSpan.Zero;
        var nextCleanup = DateTimeOffset.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int delivered;
                do delivered = await DispatchBatchAsync(settings.BatchSize, stoppingToken);
                while (delivered == settings.BatchSize);
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
                await Task.Delay(retryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($"SELECT * FROM outbox_messages WHERE delivered_at IS NULL ORDER BY sequence LIMIT {batchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return 0;

        foreach (var row in rows)
        {
            try
            {
                await PublishAsync(row, cancellationToken);
                row.DeliveredAt = DateTimeOffset.UtcNow;
                row.Attempts++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                row.Attempts++;
                row.LastError = ex.Message;
                // Keep what was delivered so far, and stop here to keep the order of what follows.
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                throw;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var messageType = Type.GetType(row.MessageType, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(row.Body, messageType, OutboxWriter.Json)!;
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = ActivitySource.StartActivity("outbox deliver", ActivityKind.Internal, parent);
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
