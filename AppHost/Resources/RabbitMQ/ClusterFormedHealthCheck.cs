using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Resources.RabbitMQ;

/// <summary>
/// Healthy when every node of the cluster runs and they are one cluster: the management API of a node lists the
/// nodes of its cluster with whether each runs, so one node's answer naming all three, running, says both.
/// </summary>
internal sealed class ClusterFormedHealthCheck(RabbitMQClusterResource cluster) : IHealthCheck
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(3) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var password = await cluster.Password.GetValueAsync(cancellationToken);
        var credentials = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RabbitMQServerResource.UserName}:{password}")));
        var expected = cluster.Nodes.Select(n => n.NodeName).ToHashSet(StringComparer.Ordinal);
        string problem = "no node answers";
        foreach (var node in cluster.Nodes)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(node.ManagementEndpoint.Url), "api/nodes?columns=name,running"));
                request.Headers.Authorization = credentials;
                using var response = await _http.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                var members = await response.Content.ReadFromJsonAsync<List<ClusterNode>>(cancellationToken) ?? [];
                var running = members.Where(m => m.Running).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
                if (running.SetEquals(expected)) return HealthCheckResult.Healthy($"{expected.Count} nodes running as one cluster");
                var missing = expected.Except(running).Order(StringComparer.Ordinal);
                return HealthCheckResult.Unhealthy($"{node.NodeName} sees these nodes not running in its cluster: {string.Join(", ", missing)}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or System.Text.Json.JsonException)
            {
                problem = $"{node.NodeName}: {ex.Message}";
            }
        }
        return HealthCheckResult.Unhealthy(problem);
    }

    private sealed record ClusterNode(string Name, bool Running);
}
