using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Platform.Gateway.Health;

/// <summary>The gateway's own database (partners and their credentials live there).</summary>
internal sealed record GatewayDatabase(string ConnectionString);

internal sealed class GatewayDatabaseHealthCheck(GatewayDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "gatewaydb does not answer", ex);
        }
    }
}
