using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Platform.Gateway.Proxy;

/// <summary>
/// How the gateway spreads a service's requests over its instances (service discovery lists each one) and
/// keeps a dead instance out: an active probe of every instance's <c>/health</c> every 2 s, one failed probe
/// enough to take it out, and passive checks that take an instance out as soon as connections to it fail,
/// before the next probe. If every instance looks unhealthy the gateway tries them all anyway ("panic"):
/// a <c>/health</c> that reports the broker down is no reason to refuse the reads the service can still serve.
/// </summary>
public static class ClusterHealth
{
    public static ClusterConfig BalancedAcrossInstances(this ClusterConfig cluster, IConfiguration configuration) => cluster with
    {
        LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
        HealthCheck = new HealthCheckConfig
        {
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = configuration.GetValue("Gateway:HealthChecks:Interval", TimeSpan.FromSeconds(2)),
                Timeout = configuration.GetValue("Gateway:HealthChecks:Timeout", TimeSpan.FromSeconds(2)),
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = "/health",
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                // Back in rotation when the active probe sees it healthy again, or after this at the latest.
                ReactivationPeriod = TimeSpan.FromSeconds(10),
            },
        },
        Metadata = new Dictionary<string, string>
        {
            // One failed probe is enough: an instance that does not answer /health within 2 s is not one to send work to.
            [ConsecutiveFailuresHealthPolicyOptions.ThresholdMetadataName] = "1",
            // A handful of failed connections in a short window, not the default's minutes of traffic.
            [TransportFailureRateHealthPolicyOptions.FailureRateLimitMetadataName] = "0.2",
        },
    };
}
