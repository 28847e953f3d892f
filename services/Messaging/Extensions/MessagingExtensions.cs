using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;
using Platform.Messaging.Redelivery;
using Platform.Messaging.Telemetry;

namespace Platform.Messaging.Extensions;

public static class MessagingExtensions
{
    /// <summary>The resource name of the broker in the AppHost: its connection string is <c>ConnectionStrings:messaging</c>.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// Connects the service to RabbitMQ through MassTransit, with the transactional outbox of
    /// <typeparamref name="TContext"/> and the consumers <paramref name="configureConsumers"/> adds.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging<TContext>(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null) where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set: the service needs the RabbitMQ broker.");
        var broker = BrokerAddress.Parse(connectionString);
        // A cluster's queues are quorum queues (replicated, they outlive a node); a broker behind one address
        // that is a cluster says so with the setting.
        var useQuorumQueues = builder.Configuration.GetValue("Messaging:QuorumQueues", broker.IsCluster);
        // Consumers commit their messages in batches (see IdempotentConsumer): two batches of up to 32 in flight
        // per queue, a batch closing 5 ms after its first message at the latest.
        var batching = new InboxBatching(
            MessageLimit: builder.Configuration.GetValue("Messaging:ConsumerBatchSize", 32),
            Window: builder.Configuration.GetValue("Messaging:ConsumerBatchWindow", TimeSpan.FromMilliseconds(5)),
            Batches: 2);

        builder.Services.AddSingleton(broker);
        builder.Services.AddSingleton(batching);
        builder.Services.AddSingleton(new QueueTopology(useQuorumQueues));
        builder.Services.AddSingleton<MessagingMetrics>();
        builder.Services.AddSingleton<DelayQueues>();
        builder.Services.AddOptions<ConsumerRetryOptions>().BindConfiguration(ConsumerRetryOptions.SectionName).PostConfigure(retry =>
        {
            if (retry.ImmediateRetries.Length == 0) retry.ImmediateRetries = ConsumerRetryOptions.DefaultImmediateRetries;
            if (retry.Delays.Length == 0) retry.Delays = ConsumerRetryOptions.DefaultDelays;
        });
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        builder.Services.AddSingleton<OutboxHandoff>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();

        builder.Services.AddMassTransit(bus =>
        {
            // Queues are named after the service and the consumer (cases-institution-registered): two services
            // consuming the same event each get their own queue, never compete for one.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(ServicePrefix(builder.Environment.ApplicationName), includeNamespace: false));
            // MassTransit would report usage to usage-tracking.masstransit.io: nothing of this platform leaves it unasked.
            bus.ConfigureUsageTelemetryOptions(options => options.Enabled = false);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                // Failures are visible in the _error queues; Fault<T> events would only pile up unconsumed.
                endpoint.PublishFaults = false;
                if (useQuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint) rabbitEndpoint.SetQuorumQueue();
                // Immediate retries, delayed redelivery, then the _error queue.
                endpoint.UseFilter(ActivatorUtilities.CreateInstance<DelayedRedeliveryFilter>(context));
            });
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.UserName);
                    host.Password(broker.Password);
                    // Every node of a cluster: a connection lost with its node is made again to the next one.
                    if (broker.IsCluster)
                        host.UseCluster(cluster =>
                        {
                            foreach (var node in broker.Nodes) cluster.Node(node.ToString());
                        });
                    // Publish waits for the broker's confirm: the outbox marks a row delivered only then.
                    host.PublisherConfirmation = true;
                });
                // Messages in flight per queue (a consumer may ask for one at a time, for order): enough to fill
                // the batches, so that a batch closes on its size rather than its window under load.
                rabbit.PrefetchCount = batching.MessagesInFlight;
                rabbit.ConcurrentMessageLimit = batching.MessagesInFlight;
                rabbit.ConfigureEndpoints(context);
            });
        });
        // The topology is declared before the service reports ready, so nothing is published before its queue exists.
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        // Hosted services start in order: registered after the bus, the relay publishes nothing
        // before the bus has declared its exchanges and queues.
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }

    /// <summary>"Platform.Cases" -> "Cases": the prefix of the service's queues.</summary>
    private static string ServicePrefix(string applicationName) => applicationName[(applicationName.LastIndexOf('.') + 1)..];
}
