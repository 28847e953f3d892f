using System.Collections.Immutable;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Resources.RabbitMQ;

/// <summary>
/// Messages that failed every retry wait in the <c>_error</c> queues. The broker's resource shows how many
/// (the property <c>platform.error-messages</c>, counted every ten seconds), and its menu moves them back
/// to their queues once the cause is fixed.
/// </summary>
public static class ErrorQueueCommands
{
    public const string RequeueCommand = "requeue-error-messages";
    public const string CountProperty = "platform.error-messages";

    public static IResourceBuilder<RabbitMQServerResource> WithErrorQueueCommands(this IResourceBuilder<RabbitMQServerResource> broker)
    {
        broker.ApplicationBuilder.Services.AddHostedService(services =>
            new ErrorQueueCounter(broker.Resource, services.GetRequiredService<ResourceNotificationService>()));
        return broker.WithCommand(RequeueCommand, "Requeue error messages", async context =>
        {
            var queues = await OfAsync(broker.Resource, context.CancellationToken);
            var (moved, from) = (0, 0);
            foreach (var queue in (await queues.ListAsync(context.CancellationToken)).Where(q => q.Messages > 0))
            {
                moved += await queues.RequeueAsync(queue.SourceQueue, cancellationToken: context.CancellationToken);
                from++;
            }
            return CommandResults.Success($"Moved {moved} messages from {from} error queues back to their queues.");
        }, new CommandOptions
        {
            Description = "Moves every message of the _error queues back to its queue, without its fault headers, for a fresh set of retries.",
            IconName = "ArrowRedo",
            UpdateState = CommandStates.EnabledWhenHealthy,
        });
    }

    public static async Task<ErrorQueues> OfAsync(RabbitMQServerResource broker, CancellationToken cancellationToken) =>
        new(new Uri(await broker.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException("The broker has no connection string yet.")),
            new Uri(broker.ManagementEndpoint.Url));

    private sealed class ErrorQueueCounter(RabbitMQServerResource broker, ResourceNotificationService notifications) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
            do
            {
                if (!notifications.TryGetCurrentState(broker.Name, out var current) || current.Snapshot.HealthStatus != HealthStatus.Healthy) continue;
                try
                {
                    var waiting = (await (await OfAsync(broker, stoppingToken)).ListAsync(stoppingToken)).Sum(q => q.Messages);
                    await notifications.PublishUpdateAsync(broker, snapshot => snapshot with
                    {
                        Properties = snapshot.Properties.Where(p => p.Name != CountProperty)
                            .Append(new ResourcePropertySnapshot(CountProperty, waiting) { DisplayName = "Messages in error queues", IsHighlighted = waiting > 0 })
                            .ToImmutableArray(),
                    });
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException
                                               or global::RabbitMQ.Client.Exceptions.BrokerUnreachableException
                                               or global::RabbitMQ.Client.Exceptions.OperationInterruptedException) { }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
    }
}
