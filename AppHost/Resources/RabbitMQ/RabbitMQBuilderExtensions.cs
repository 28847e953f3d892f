using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Platform.AppHost.Resources.RabbitMQ;

public static class RabbitMQBuilderExtensions
{
    /// <summary>
    /// A RabbitMQ node of Debian's package: AMQP on <paramref name="port"/>, the management UI and API on
    /// <paramref name="managementPort"/>, Erlang distribution and the node's port mapper on the two ports after it.
    /// </summary>
    public static IResourceBuilder<RabbitMQServerResource> AddLocalRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password, int port, int managementPort) =>
        builder.AddRabbitMQNode(name, password, port, managementPort, builder.PortFor(managementPort + 2), cluster: null);

    /// <summary>A node on its own, or (with <paramref name="cluster"/>) one of a cluster's, which share the port mapper on <paramref name="portMapperPort"/>.</summary>
    internal static IResourceBuilder<RabbitMQServerResource> AddRabbitMQNode(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource> password, int port, int managementPort, int portMapperPort, RabbitMQClusterResource? cluster)
    {
        var dataRoot = builder.StateDirectoryFor(name);
        var broker = new RabbitMQServerResource(name, LocalServers.RunningAsRoot ? "setpriv" : RabbitMQServerResource.ServerScript, dataRoot, password.Resource,
            builder.PortFor(managementPort + 1), portMapperPort) { Cluster = cluster };
        var (amqpPort, httpPort) = (builder.PortFor(port), builder.PortFor(managementPort));

        IConnection? connection = null;
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRabbitMQ(async _ => connection ??= await new ConnectionFactory
        {
            Uri = new Uri(await broker.ConnectionStringExpression.GetValueAsync(CancellationToken.None) ?? ""),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
            ClientProvidedName = "apphost-health",
        }.CreateConnectionAsync(), name: healthCheck);
        // Its port mapper daemonizes and would outlive the node: ended when the application stops, and
        // when the AppHost exits before it finished starting (then no hosted service is stopped).
        builder.Services.AddSingleton<IHostedService>(new PortMapperCleanup(broker));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => PortMapperCleanup.StopPortMapper(broker);

        return builder.AddResource(broker)
            .WithEndpoint(port: amqpPort, targetPort: amqpPort, scheme: "amqp", name: RabbitMQServerResource.EndpointName, isProxied: false)
            .WithEndpoint(port: httpPort, targetPort: httpPort, scheme: "http", name: RabbitMQServerResource.ManagementEndpointName, isProxied: false)
            .WithArgs(context =>
            {
                foreach (var argument in LocalServers.AsSystemUser(RabbitMQServerResource.SystemUser, RabbitMQServerResource.ServerScript)[1..])
                    context.Args.Add(argument);
            })
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables["RABBITMQ_NODENAME"] = broker.NodeName;
                context.EnvironmentVariables["RABBITMQ_CONFIG_FILE"] = Path.Combine(dataRoot, "rabbitmq.conf");
                context.EnvironmentVariables["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dataRoot, "enabled_plugins");
                context.EnvironmentVariables["RABBITMQ_MNESIA_BASE"] = Path.Combine(dataRoot, "mnesia");
                context.EnvironmentVariables["RABBITMQ_LOG_BASE"] = Path.Combine(dataRoot, "log");
                context.EnvironmentVariables["RABBITMQ_DIST_PORT"] = broker.DistributionPort.ToString();
                context.EnvironmentVariables["ERL_EPMD_PORT"] = broker.PortMapperPort.ToString();
                context.EnvironmentVariables["HOME"] = Path.Combine(dataRoot, "home");
            })
            .WithHealthCheck(healthCheck)
            .WithUrlForEndpoint(RabbitMQServerResource.ManagementEndpointName, url => url.DisplayText = "Management UI")
            .OnBeforeResourceStarted((resource, _, cancellationToken) => WriteConfigurationAsync(resource, cancellationToken));
    }

    /// <summary>The node's configuration, written before every start: loopback listeners, the platform's user, console logs.</summary>
    private static async Task WriteConfigurationAsync(RabbitMQServerResource broker, CancellationToken cancellationToken)
    {
        if (!File.Exists(RabbitMQServerResource.ServerScript))
            throw new InvalidOperationException("RabbitMQ is not installed: apt-get install -y rabbitmq-server (./run.sh does it for you).");
        // The port mapper of a cluster serves the nodes still running: it stays.
        if (broker.Cluster is null) PortMapperCleanup.StopPortMapper(broker);
        var root = broker.DataRoot;
        foreach (var folder in new[] { "home", "mnesia", "log" }) Directory.CreateDirectory(Path.Combine(root, folder));
        var clusterLines = broker.Cluster is { } cluster ? await ClusterMembership.ConfigureAsync(broker, cluster, cancellationToken) : [];
        await File.WriteAllLinesAsync(Path.Combine(root, "rabbitmq.conf"),
        [
            .. clusterLines,
            $"listeners.tcp.1 = 127.0.0.1:{broker.Endpoint.Port}",
            "management.tcp.ip = 127.0.0.1",
            $"management.tcp.port = {broker.ManagementEndpoint.Port}",
            $"default_user = {RabbitMQServerResource.UserName}",
            $"default_pass = {await broker.Password.GetValueAsync(cancellationToken)}",
            "default_permissions.configure = .*",
            "default_permissions.read = .*",
            "default_permissions.write = .*",
            "default_user_tags.administrator = true",
            "log.console = true",
            "log.console.level = info",
            "log.file = false",
        ], cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), "[rabbitmq_management].\n", cancellationToken);
        await LocalServers.HandOverAsync(root, RabbitMQServerResource.SystemUser, cancellationToken);
    }

    /// <summary>Ends the node's port mapper once the AppHost has stopped (and before a start, in case a crash left one).</summary>
    private sealed class PortMapperCleanup(RabbitMQServerResource broker) : LifecycleHook
    {
        /// <summary>
        /// Found by its environment, not with <c>epmd -kill</c>: that refuses while a node is registered, and
        /// at the application's end the node may not have finished dying yet.
        /// </summary>
        public static void StopPortMapper(RabbitMQServerResource broker)
        {
            foreach (var portMapper in ProcessSignals.Find("epmd", $"ERL_EPMD_PORT={broker.PortMapperPort}")) ProcessSignals.Terminate(portMapper);
        }

        public override Task StoppedAsync(CancellationToken cancellationToken)
        {
            StopPortMapper(broker);
            return Task.CompletedTask;
        }
    }
}
