using Aspire.Hosting.ApplicationModel;
using Platform.AppHost.Resources;

namespace Platform.AppHost.Resources.Projects;

public static class PlatformServiceExtensions
{
    /// <summary>
    /// A service of the platform on its own fixed port (free ports under test), plain http, healthy when
    /// its <c>/health</c> (its database and the broker) answers; as many instances as <c>--replicas</c> asks.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPlatformService<TProject>(this IDistributedApplicationBuilder builder, string name, int port)
        where TProject : IProjectMetadata, new()
    {
        var listenPort = builder.PortFor(port);
        var replicas = builder.ReplicasPerService();
        var project = builder.AddProject<TProject>(name);
        // One instance listens on the port itself. Several cannot share it: Aspire's proxy takes the port and each
        // instance gets a port of its own (DCP's choice), which the gateway learns through WithEachInstanceOf.
        project = replicas == 1
            ? project.WithHttpEndpoint(port: listenPort, targetPort: listenPort, name: "http", isProxied: false)
            : project.WithHttpEndpoint(port: listenPort, name: "http").WithReplicas(replicas);
#pragma warning disable ASPIRECERTIFICATES001 // experimental in 13.6: the services speak plain http behind the gateway, no dev certificate is wanted
        return project
            .WithoutHttpsCertificate()
#pragma warning restore ASPIRECERTIFICATES001
            // Aspire takes the environment from a launch profile; the services have none.
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithHttpHealthCheck("/health", endpointName: "http");
    }

    /// <summary>Gives the service a generated secret (an Aspire parameter) as the environment variable <paramref name="variable"/>.</summary>
    public static IResourceBuilder<ProjectResource> WithSecret(this IResourceBuilder<ProjectResource> service, string variable, string secret) =>
        service.WithEnvironment(variable, service.ApplicationBuilder.AddGeneratedSecret(secret));
}
