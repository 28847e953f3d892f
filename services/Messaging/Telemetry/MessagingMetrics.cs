using System.Diagnostics.Metrics;

namespace Platform.Messaging.Telemetry;

/// <summary>The messaging backbone's OpenTelemetry instruments (meter <c>Platform.Messaging</c>).</summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "Platform.Messaging";

    private readonly Histogram<double> _deliveryLag;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _redelivered;
    private readonly Counter<long> _movedToError;
    private long _backlog;

    public MessagingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("platform.outbox.backlog", () => Interlocked.Read(ref _backlog), "{message}",
            "Outbox rows committed and not yet delivered to the broker");
        _deliveryLag = meter.CreateHistogram<double>("platform.outbox.delivery_lag", "ms",
            "Time from the commit of an outbox row to the broker's confirm of its publish");
        _delivered = meter.CreateCounter<long>("platform.outbox.delivered", "{message}", "Outbox rows delivered to the broker");
        _redelivered = meter.CreateCounter<long>("platform.messaging.redelivered", "{message}",
            "Messages whose immediate retries failed, sent back to their queue after a delay");
        _movedToError = meter.CreateCounter<long>("platform.messaging.moved_to_error", "{message}",
            "Messages that failed every attempt and were moved to their _error queue");
    }

    public void SetBacklog(long rows) => Interlocked.Exchange(ref _backlog, rows);

    public void Delivered(TimeSpan lag)
    {
        _delivered.Add(1);
        _deliveryLag.Record(lag.TotalMilliseconds);
    }

    public void Redelivered(string queue) => _redelivered.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", queue));

    public void MovedToError(string queue) => _movedToError.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", queue));
}
