using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Messaging.Extensions;
using Platform.Messaging.Telemetry;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to the broker and marks them delivered once the broker confirms them.
/// <list type="bullet">
/// <item>Rows come from <see cref="OutboxHandoff"/> right after their commit; the table is read only to recover
/// (at start, after a failure, when woken by another instance, and every poll interval as a fallback).</item>
/// <item>Many publishes are out at once (up to <see cref="OutboxOptions.PublishWindow"/>), each waiting for its own
/// confirm; an aggregate's rows go one after another in their order ("lanes"), so its events reach the broker in
/// the order they were written. No transaction is open while anything is published.</item>
/// <item>Only the leader of the database's relays publishes (<see cref="RelayLeadership"/>), so instances never
/// race for rows; the others hand their commits over by waking it.</item>
/// <item>It never gives up: a failed publish stops that aggregate's lane, and the relay recovers from the table
/// (in order) after a pause that doubles up to <see cref="OutboxOptions.MaxRetryDelay"/>.</item>
/// </list>
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    ServiceDatabase<TContext> serviceDatabase,
    IBusControl bus,
    OutboxHandoff handoff,
    MessagingMetrics metrics,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    internal static readonly ActivitySource ActivitySource = new(MessagingMetrics.MeterName);
    private static readonly ConcurrentDictionary<string, Type> MessageTypes = new(StringComparer.Ordinal);

    private readonly object _gate = new();
    /// <summary>Rows queued, being published, or confirmed and not yet marked: never taken from the table again meanwhile.</summary>
    private readonly HashSet<Guid> _known = [];
    private readonly Dictionary<Guid, Queue<OutboxMessage>> _lanes = [];
    private SemaphoreSlim _window = null!;
    private DeliveredMarks _marks = null!;
    private volatile bool _recovering = true;
    private TimeSpan _retryDelay;
    private PublisherRenewal _renewal = null!;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        _window = new SemaphoreSlim(settings.PublishWindow);
        _renewal = new PublisherRenewal(bus, settings.RenewPublisherAfter, logger);
        var connectionString = serviceDatabase.ConnectionString;
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var leadership = new RelayLeadership(connectionString, settings.PollInterval, logger);
        leadership.Woken += () => { _recovering = true; handoff.Wake(); };
        _marks = new DeliveredMarks(database, Forget, logger);
        // Marks outlive the loop: publishes still out at shutdown get their confirm and their mark.
        using var marking = new CancellationTokenSource();
        var background = Task.WhenAll(leadership.RunAsync(stoppingToken), _marks.RunAsync(marking.Token));

        var nextCleanup = DateTimeOffset.UtcNow;
        var nextPoll = DateTimeOffset.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handedOver = DrainHandoff();
                if (!leadership.IsLeader)
                {
                    // The leader is another instance: it has to hear about our commits.
                    if (handedOver.Count > 0) await leadership.WakeLeaderAsync(stoppingToken);
                }
                else
                {
                    if (handoff.TakeMissed() || DateTimeOffset.UtcNow >= nextPoll) _recovering = true;
                    if (_recovering)
                    {
                        // While recovering, the table is the only source: it has every row, in order.
                        if (_retryDelay > TimeSpan.Zero) await Task.Delay(_retryDelay, stoppingToken);
                        _recovering = false;
                        while (await RecoverAsync(settings.BatchSize, stoppingToken) == settings.BatchSize && !_recovering) { }
                        nextPoll = DateTimeOffset.UtcNow + settings.PollInterval;
                        await RecordBacklogAsync(stoppingToken);
                    }
                    else
                    {
                        foreach (var row in handedOver) Enqueue(row);
                    }
                    if (DateTimeOffset.UtcNow >= nextCleanup)
                    {
                        await DeleteDeliveredAsync(settings.RetainDelivered, stoppingToken);
                        nextCleanup = DateTimeOffset.UtcNow.AddMinutes(10);
                    }
                }
                await WaitForWorkAsync(leadership.IsLeader && _recovering ? TimeSpan.Zero : settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Failed();
                logger.LogWarning(ex, "Outbox relay failed; recovering from the table in {RetryDelayMs} ms", _retryDelay.TotalMilliseconds);
            }
        }
        await LanesDrainedAsync(TimeSpan.FromSeconds(5));
        marking.Cancel();
        await background;
    }

    private async Task LanesDrainedAsync(TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            lock (_gate)
                if (_lanes.Count == 0) return;
            await Task.Delay(20);
        }
    }

    private List<OutboxMessage> DrainHandoff()
    {
        var rows = new List<OutboxMessage>();
        while (handoff.Committed.TryRead(out var row))
            if (!ReferenceEquals(row, OutboxHandoff.WakeUp)) rows.Add(row);
        return rows;
    }

    private async Task WaitForWorkAsync(TimeSpan longest, CancellationToken stoppingToken)
    {
        if (longest == TimeSpan.Zero) return;
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        poll.CancelAfter(longest);
        try { await handoff.Committed.WaitToReadAsync(poll.Token); }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { /* the poll interval passed */ }
    }

    /// <summary>Reads the oldest pending rows no lane holds, and queues them; returns how many it queued.</summary>
    private async Task<int> RecoverAsync(int batchSize, CancellationToken cancellationToken)
    {
        int held;
        lock (_gate) held = _known.Count;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // The rows lanes hold come first in this order: read past them.
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.DeliveredAt == null).OrderBy(m => m.Sequence).Take(held + batchSize)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var row in rows)
            if (Enqueue(row)) queued++;
        return queued;
    }

    /// <summary>Puts a row at the end of its aggregate's lane (a lane of its own without an aggregate); false if already known.</summary>
    private bool Enqueue(OutboxMessage row)
    {
        var lane = row.AggregateId ?? row.Id;
        lock (_gate)
        {
            if (!_known.Add(row.Id)) return false;
            if (_lanes.TryGetValue(lane, out var waiting))
            {
                waiting.Enqueue(row);
                return true;
            }
            _lanes[lane] = new Queue<OutboxMessage>();
        }
        _ = RunLaneAsync(lane, row);
        return true;
    }

    /// <summary>Publishes a lane's rows one after another until it is empty, or stops it at the first failure.</summary>
    private async Task RunLaneAsync(Guid lane, OutboxMessage first)
    {
        var row = first;
        while (true)
        {
            await _window.WaitAsync();
            try
            {
                await PublishAsync(row);
            }
            catch (Exception ex)
            {
                StopLane(lane, row, ex);
                return;
            }
            finally
            {
                _window.Release();
            }
            _renewal.Succeeded();
            metrics.Delivered(DateTimeOffset.UtcNow - row.CreatedAt);
            _marks.Add(row.Id);
            lock (_gate)
            {
                if (!_lanes[lane].TryDequeue(out var next))
                {
                    _lanes.Remove(lane);
                    return;
                }
                row = next;
            }
        }
    }

    /// <summary>
    /// The failed row and everything queued behind it are forgotten, to be read again from the table in order;
    /// until then the relay takes nothing from the hand-off, which could overtake them.
    /// </summary>
    private void StopLane(Guid lane, OutboxMessage failed, Exception ex)
    {
        lock (_gate)
        {
            _known.Remove(failed.Id);
            foreach (var waiting in _lanes[lane]) _known.Remove(waiting.Id);
            _lanes.Remove(lane);
        }
        Failed();
        _renewal.Failed();
        logger.LogWarning(ex, "Publishing outbox message {MessageId} failed; recovering from the table in {RetryDelayMs} ms", failed.Id, _retryDelay.TotalMilliseconds);
        _ = RecordFailureAsync(failed.Id, ex.Message);
        handoff.Wake();
    }

    private void Failed()
    {
        _retryDelay = _retryDelay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, options.Value.MaxRetryDelay.Ticks));
        _recovering = true;
    }

    /// <summary>Marked rows leave the known set: the table will not offer them again.</summary>
    private void Forget(IReadOnlyList<Guid> marked)
    {
        lock (_gate)
            foreach (var id in marked) _known.Remove(id);
        // Delivery works again: the next failure starts its pauses from the shortest.
        _retryDelay = TimeSpan.Zero;
    }

    private async Task PublishAsync(OutboxMessage row)
    {
        var messageType = MessageTypes.GetOrAdd(row.MessageType, name => Type.GetType(name, throwOnError: true)!);
        var message = JsonSerializer.Deserialize(row.Body, messageType, OutboxWriter.Json)!;
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = ActivitySource.StartActivity("outbox deliver", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.Id);
        activity?.SetTag("messaging.message.type", messageType.Name);
        // A broker that is down makes Publish wait for the connection: bound it so the relay backs off instead.
        using var timeout = new CancellationTokenSource(PublishTimeout);
        await bus.Publish(message, messageType, context => context.MessageId = row.Id, timeout.Token);
    }

    private async Task RecordFailureAsync(Guid id, string error)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            await db.Set<OutboxMessage>().Where(m => m.Id == id)
                .ExecuteUpdateAsync(row => row.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, error));
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Could not note the failure of outbox message {MessageId}", id);
        }
    }

    private async Task RecordBacklogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        metrics.SetBacklog(await db.Set<OutboxMessage>().LongCountAsync(m => m.DeliveredAt == null, cancellationToken));
    }

    private async Task DeleteDeliveredAsync(TimeSpan retain, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = DateTimeOffset.UtcNow - retain;
        await db.Set<OutboxMessage>().Where(m => m.DeliveredAt != null && m.DeliveredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
