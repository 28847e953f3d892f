using Platform.Gateway.Health;
using Platform.Gateway.ServiceDiscovery;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Platform.Gateway.Extensions;

public static class Extensions
{
    /// <summary>The services the gateway fronts, by their service-discovery names.</summary>
    public static readonly string[] Services = ["meetings", "cases", "livelihoods", "notifications"];

    public static void AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();

        var health = builder.Services.AddHealthChecks();
        var gatewayDb = builder.Configuration.GetConnectionString("gatewaydb");
        if (gatewayDb is not null)
        {
            builder.Services.AddSingleton(new GatewayDatabase(gatewayDb));
            health.AddCheck<GatewayDatabaseHealthCheck>("database", tags: ["ready"]);
        }
        // A service that is down degrades the gateway's report instead of failing it: the gateway
        // itself still serves every other service.
        foreach (var service in Services)
        {
            health.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                service,
                sp => ActivatorUtilities.CreateInstance<DownstreamServiceHealthCheck>(sp, service),
                Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded,
                ["downstream"],
                TimeSpan.FromSeconds(3)));
        }
        builder.Services.AddHttpClient(DownstreamServiceHealthCheck.HttpClientName);
    }
}
