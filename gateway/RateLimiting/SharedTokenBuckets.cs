using Npgsql;

namespace Platform.Gateway.RateLimiting;

/// <summary>
/// The partners' token buckets, one row each in gatewaydb (<c>rate_limit_buckets</c>), shared by every gateway
/// instance: one instance or ten, a partner gets its allowance once. An instance takes a few tokens at a time
/// (<c>take_rate_limit_tokens</c>: refill by elapsed time, then take, in one locked row update) and spends them
/// locally, so most requests never wait for the database.
/// </summary>
public sealed class SharedTokenBuckets(NpgsqlDataSource gatewayDb)
{
    /// <summary>Takes up to <paramref name="wanted"/> tokens from the bucket; how many it got (0 when the bucket is empty).</summary>
    public async Task<int> TakeAsync(string key, int capacity, double perSecond, int wanted, CancellationToken cancellationToken)
    {
        await using var command = gatewayDb.CreateCommand("SELECT take_rate_limit_tokens($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = (double)capacity });
        command.Parameters.Add(new NpgsqlParameter { Value = perSecond });
        command.Parameters.Add(new NpgsqlParameter { Value = wanted });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
