using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// One instance at a time migrates a database (and seeds it): a session advisory lock on a connection of its own,
/// unpooled so that the lock ends with the connection, even if the process dies holding it. Shared by the
/// services (through Messaging) and the gateway, which migrate their databases the same way.
/// </summary>
public sealed class MigrationTurn : IAsyncDisposable
{
    /// <summary>Any fixed number: advisory locks are per database.</summary>
    private const long LockKey = 0x6D696772617465; // "migrate"
    private readonly NpgsqlConnection _connection;

    private MigrationTurn(NpgsqlConnection connection) => _connection = connection;

    public static async Task<MigrationTurn> TakeAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = LockKey } } };
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new MigrationTurn(connection);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
