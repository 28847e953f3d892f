using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Gateway.Health;

/// <summary>Asks a fronted service for its own readiness report (<c>http://{service}/health</c>).</summary>
internal sealed class DownstreamServiceHealthCheck(IHttpClientFactory httpClients, string service) : IHealthCheck
{
    public const string HttpClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync($"http://{service}/health", cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = JsonDocument.Parse(body).RootElement.GetProperty("status").GetString();
            return response.IsSuccessStatusCode && status == nameof(HealthStatus.Healthy)
                ? HealthCheckResult.Healthy($"{service} is ready")
                : new HealthCheckResult(context.Registration.FailureStatus, $"{service} reports {status}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{service} does not answer", ex);
        }
    }
}
