using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Resources.RabbitMQ;

public static class RabbitMQClusterBuilderExtensions
{
    /// <summary>
    /// A cluster of three local RabbitMQ nodes. Node <c>i</c> (0, 1, 2) takes AMQP on <paramref name="port"/> + 10·i and
    /// the management API on <paramref name="managementPort"/> + 10·i, Erlang distribution on the port after that; all
    /// share one port mapper on <paramref name="managementPort"/> + 2. Healthy when all three run as one cluster.
    /// </summary>
    public static IResourceBuilder<RabbitMQClusterResource> AddLocalRabbitMQCluster(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password, int port, int managementPort)
    {
        var cluster = new RabbitMQClusterResource(name, password.Resource, builder.AddGeneratedSecret("rabbitmq-erlang-cookie").Resource);
        var portMapperPort = builder.PortFor(managementPort + 2);
        var clusterBuilder = builder.AddResource(cluster).WithInitialState(new CustomResourceSnapshot
        {
            ResourceType = "RabbitMQCluster",
            State = KnownResourceStates.NotStarted,
            Properties = [],
        });
        for (var i = 0; i < RabbitMQClusterResource.Size; i++)
        {
            var node = builder.AddRabbitMQNode($"{name}-{i + 1}", password, port + 10 * i, managementPort + 10 * i, portMapperPort, cluster)
                .WithParentRelationship(cluster);
            cluster.Add(node.Resource);
        }

        var healthCheck = $"{name}_cluster_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new ClusterFormedHealthCheck(cluster), HealthStatus.Unhealthy, tags: null));
        builder.OnBeforeStart((start, _) =>
        {
            WaitForEveryNode(start.Model, cluster);
            return Task.CompletedTask;
        });
        return clusterBuilder
            .WithHealthCheck(healthCheck)
            .OnInitializeResource((resource, initializing, cancellationToken) =>
            {
                _ = Task.Run(() => ClusterState.MirrorAsync(resource, initializing.Services), CancellationToken.None);
                return Task.CompletedTask;
            });
    }

    /// <summary>
    /// What waits for the cluster waits for each node too: the AppHost's orderly shutdown then stops the services
    /// before the nodes, as it does with a single broker.
    /// </summary>
    private static void WaitForEveryNode(DistributedApplicationModel model, RabbitMQClusterResource cluster)
    {
        foreach (var dependant in model.Resources)
        {
            if (!dependant.TryGetAnnotationsOfType<WaitAnnotation>(out var waits) || waits.All(w => w.Resource != cluster)) continue;
            foreach (var node in cluster.Nodes.Where(node => waits.All(w => w.Resource != node)))
                dependant.Annotations.Add(new WaitAnnotation(node, WaitType.WaitUntilHealthy));
        }
    }
}
