using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost.Operations;

namespace Platform.AppHost.Resources.Projects;

/// <summary>
/// How many instances of each service and of the gateway run side by side (<c>./run.sh --replicas 2</c>,
/// configuration key <c>Replicas</c>; one unless asked), and how the gateway finds each of them.
/// </summary>
public static class ServiceReplicas
{
    public const string ConfigurationKey = "Replicas";

    public static int ReplicasPerService(this IDistributedApplicationBuilder builder)
    {
        var replicas = builder.Configuration.GetValue(ConfigurationKey, 1);
        return replicas >= 1 ? replicas : throw new ArgumentOutOfRangeException(ConfigurationKey, replicas, "--replicas takes a whole number of 1 or more.");
    }

    /// <summary>
    /// Hands the gateway every instance of <paramref name="service"/> (<c>services__{name}__http__0..n</c>) instead of the one
    /// address Aspire gives for a replicated project, its proxy: that proxy keeps sending to an instance that died, while
    /// the gateway's own health checks take a dead instance out of rotation. Read once the instances run (the gateway
    /// waits for them).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithEachInstanceOf(this IResourceBuilder<ProjectResource> gateway, IResourceBuilder<ProjectResource> service)
    {
        if (service.Resource.GetReplicaCount() == 1) return gateway;
        return gateway.WithEnvironment(context =>
        {
            var addresses = InstanceAddresses(context.ExecutionContext.Services.GetRequiredService<ResourceWatcher>(), service.Resource);
            if (addresses.Count == 0) return; // not known (yet): the proxy Aspire gave still serves
            var prefix = $"services__{service.Resource.Name}__http__";
            foreach (var stale in context.EnvironmentVariables.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
                context.EnvironmentVariables.Remove(stale);
            for (var i = 0; i < addresses.Count; i++) context.EnvironmentVariables[prefix + i] = addresses[i];
        });
    }

    /// <summary>The address each running instance of <paramref name="project"/> listens on (its own <c>ASPNETCORE_URLS</c>), in instance order.</summary>
    public static IReadOnlyList<string> InstanceAddresses(ResourceWatcher watcher, IResource project) =>
        watcher.InstancesOf(project).Select(instance => ListenAddress(instance.Snapshot)).OfType<string>().ToList();

    private static string? ListenAddress(CustomResourceSnapshot snapshot) =>
        snapshot.EnvironmentVariables.FirstOrDefault(e => e.Name == "ASPNETCORE_URLS")?.Value?.Split(';')
            .FirstOrDefault(url => url.StartsWith("http://", StringComparison.Ordinal))?.TrimEnd('/');
}
