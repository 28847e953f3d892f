using Aspire.Hosting.ApplicationModel;
using Platform.AppHost.Resources;

namespace Platform.AppHost.Resources.Projects;

public static class PlatformServiceExtensions
{
    /// <summary>
    /// A service of the platform on its own fixed port (free ports under test), plain http, healthy when
    /// its <c>/health</c> (its database and the broker) answers.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPlatformService<TProject>(this IDistributedApplicationBuilder builder, string name, int port)
        where TProject : IProjectMetadata, new()
    {
        var listenPort = builder.PortFor(port);
#pragma warning disable ASPIRECERTIFICATES001 // experimental in 13.6: the services speak plain http behind the gateway, no dev certificate is wanted
        return builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: listenPort, targetPort: listenPort, name: "http", isProxied: false)
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
