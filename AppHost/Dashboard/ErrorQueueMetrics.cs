using Microsoft.Extensions.Hosting;
using Platform.AppHost.Dashboard.Api;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Resources;
using Platform.AppHost.Telemetry.Model;

namespace Platform.AppHost.Dashboard;

/// <summary>
/// Messages waiting in <c>_error</c> queues are the broker's to count, not a service's: every ten seconds
/// the AppHost counts them and records the total as a metric of the broker resource, next to what the
/// services export, so operations chart it like any other instrument.
/// </summary>
internal sealed class ErrorQueueMetrics(DistributedApplication application) : BackgroundService
{
    public const string Meter = "Platform.AppHost";
    public const string Instrument = "rabbitmq.error_queue.messages";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (ErrorQueuesApi.Of(application) is not { } queues) continue;
            try
            {
                var waiting = await queues.ListAsync(stoppingToken);
                var broker = application.Resources.OfType<RabbitMQServerResource>().First();
                application.Telemetry.Add([new MetricPoint
                {
                    Resource = broker.Name, Meter = Meter, Instrument = Instrument, Unit = "{message}",
                    Description = "Messages in the broker's _error queues (failed every retry)",
                    Kind = MetricKind.Gauge, Time = DateTime.UtcNow, Value = waiting.Sum(q => q.Messages),
                }]);
            }
            catch (Exception ex) when (ex is HttpRequestException or RabbitMQ.Client.Exceptions.BrokerUnreachableException
                                           or RabbitMQ.Client.Exceptions.OperationInterruptedException or TaskCanceledException) { }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
