using System.Diagnostics;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Gives the relay a fresh connection to the broker (the bus stopped and started again) when every publish has
/// failed for <see cref="OutboxOptions.RenewPublisherAfter"/> although the bus is connected. RabbitMQ 3.10 can leave
/// a channel rejecting every publish to a quorum queue for good once its first publish came while the queue had
/// no majority, even after the queue has a leader again, and MassTransit goes on publishing on that channel; a new
/// channel is confirmed at once (seen in <c>RabbitMQClusterTests</c>). While the broker is unreachable the bus is
/// not healthy and nothing is renewed: reconnecting is MassTransit's own work.
/// </summary>
public sealed class PublisherRenewal(IBusControl bus, TimeSpan renewAfter, ILogger logger)
{
    private readonly object _gate = new();
    private long? _failingSince;
    private long _lastRenewal = Stopwatch.GetTimestamp() - (long)(renewAfter.TotalSeconds * Stopwatch.Frequency);
    private Task _renewal = Task.CompletedTask;

    /// <summary>A publish was confirmed: the publisher works.</summary>
    public void Succeeded()
    {
        lock (_gate) _failingSince = null;
    }

    /// <summary>A publish failed: renews the publisher once failures have lasted long enough on a connected bus.</summary>
    public void Failed()
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            _failingSince ??= now;
            if (Stopwatch.GetElapsedTime(_failingSince.Value, now) < renewAfter || Stopwatch.GetElapsedTime(_lastRenewal, now) < renewAfter) return;
            if (!_renewal.IsCompleted || bus.CheckHealth().Status != BusHealthStatus.Healthy) return;
            _lastRenewal = now;
            _renewal = RenewAsync(Stopwatch.GetElapsedTime(_failingSince.Value, now));
        }
    }

    private async Task RenewAsync(TimeSpan failingFor)
    {
        logger.LogWarning("Every publish failed for {FailingForSeconds:F0} s on a connected bus: the bus is restarted for fresh broker channels", failingFor.TotalSeconds);
        try
        {
            await bus.StopAsync(TimeSpan.FromSeconds(30));
            await bus.StartAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The bus could not be restarted");
        }
    }
}
