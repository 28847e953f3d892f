using Npgsql;

namespace Platform.Messaging.Outbox;

/// <summary>
/// One relay per database publishes at a time, so each aggregate's events leave in the order they were
/// written without any per-row claim: the leader holds a session advisory lock on a connection of its own.
/// If the leader's process dies, its session ends, the lock is free, and another instance's relay takes over
/// (and first looks at the table for what the dead one left). The leader also LISTENs, so that the other
/// instances can wake it right after their commits (<see cref="WakeLeaderAsync"/>, coalesced by the caller).
/// </summary>
public sealed class RelayLeadership(string connectionString, TimeSpan retryInterval, ILogger logger) : IAsyncDisposable
{
    /// <summary>
    /// The lock's connection is never pooled: a pooled connection returned with the lock would keep holding it.
    /// Keepalives make a silently dead connection fail, so leadership is not held by a session nobody can reach.
    /// </summary>
    private readonly string _lockConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString;

    /// <summary>Any fixed number: advisory locks are per database, and each service has its own.</summary>
    private const long LockKey = 0x6F7574626F78; // "outbox"
    private const string Channel = "platform_outbox";

    private NpgsqlConnection? _connection;
    private volatile bool _isLeader;

    public bool IsLeader => _isLeader;

    /// <summary>Raised when another instance committed rows for the leader to publish, or leadership was won.</summary>
    public event Action? Woken;

    /// <summary>Tries for the lock until it holds it, then listens until the connection is lost; then tries again.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_lockConnectionString);
                await connection.OpenAsync(stoppingToken);
                while (!await TryLockAsync(connection, stoppingToken)) await Task.Delay(retryInterval, stoppingToken);
                connection.Notification += (_, _) => Woken?.Invoke();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(stoppingToken);
                _connection = connection;
                _isLeader = true;
                logger.LogInformation("This instance's outbox relay is the leader");
                Woken?.Invoke();
                // Returns only when the connection breaks (the lock is gone with it) or on shutdown.
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (_isLeader) logger.LogWarning(ex, "The outbox relay lost its leadership; trying again");
                _isLeader = false;
                _connection = null;
                try { await Task.Delay(retryInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
            finally
            {
                _isLeader = false;
            }
        }
    }

    /// <summary>Tells the leader (on another instance) that committed rows wait; one NOTIFY stands for many.</summary>
    public async Task WakeLeaderAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var notify = new NpgsqlCommand($"NOTIFY {Channel}", connection);
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", LockKey);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection) await connection.DisposeAsync();
    }
}
