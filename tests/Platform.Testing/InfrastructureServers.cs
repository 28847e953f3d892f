using Npgsql;
using Platform.AppHost.Resources.Postgres;
using Platform.AppHost.Resources.RabbitMQ;
using Platform.AppHost.Resources;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// One real PostgreSQL server and one real RabbitMQ broker for a whole test run. With a Docker engine
/// they are Testcontainers; without one (here and in CI) they are the same local servers the AppHost
/// runs, as Aspire resources of a test application (Aspire.Hosting.Testing) on free ports. Each test class takes its own database and
/// virtual host from them, so classes never see each other's data or messages.
/// </summary>
public sealed class InfrastructureServers : IAsyncLifetime
{
    private TestApplication? _local;
    private PostgreSqlContainer? _postgresContainer;
    private RabbitMqContainer? _rabbitContainer;

    public string PostgresConnectionString { get; private set; } = "";
    /// <summary>amqp://user:password@host:port (no virtual host).</summary>
    public Uri Broker { get; private set; } = null!;
    /// <summary>The broker's management API, to create virtual hosts and inspect queues.</summary>
    public Uri BrokerManagement { get; private set; } = null!;
    public string Source { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (DockerEngineAnswers() && await TryContainersAsync()) return;

        var builder = TestApplication.Servers();
        builder.AddLocalPostgres("postgres", builder.AddGeneratedSecret("postgres-password"), port: 55432);
        builder.AddLocalRabbitMQ("messaging", builder.AddGeneratedSecret("rabbitmq-password"), port: 55672, managementPort: 55673);
        _local = await TestApplication.StartAsync(builder);
        PostgresConnectionString = _local.GetConnectionString("postgres");
        Broker = new Uri(_local.GetConnectionString("messaging"));
        BrokerManagement = new Uri(_local.GetEndpoint("messaging", RabbitMQServerResource.ManagementEndpointName));
        Source = "local servers";
    }

    private static bool DockerEngineAnswers() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");

    private async Task<bool> TryContainersAsync()
    {
        try
        {
            _postgresContainer = new PostgreSqlBuilder("postgres:15").Build();
            _rabbitContainer = new RabbitMqBuilder("rabbitmq:3.10-management").Build();
            await Task.WhenAll(_postgresContainer.StartAsync(), _rabbitContainer.StartAsync());
            PostgresConnectionString = _postgresContainer.GetConnectionString();
            Broker = new Uri(_rabbitContainer.GetConnectionString());
            BrokerManagement = new UriBuilder("http", _rabbitContainer.Hostname, _rabbitContainer.GetMappedPublicPort(15672)).Uri;
            Source = "Testcontainers";
            return true;
        }
        catch (Exception)
        {
            // A socket without an engine behind it: fall back to local servers.
            if (_postgresContainer is not null) await _postgresContainer.DisposeAsync();
            if (_rabbitContainer is not null) await _rabbitContainer.DisposeAsync();
            _postgresContainer = null;
            _rabbitContainer = null;
            return false;
        }
    }

    /// <summary>A new, empty database of its own; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>A new virtual host of its own; returns the broker URI that points at it.</summary>
    public async Task<Uri> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        using var http = ManagementClient();
        (await http.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(Broker.UserInfo.Split(':')[0]);
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", System.Text.Encoding.UTF8, "application/json");
        (await http.PutAsync($"api/permissions/{name}/{user}", permissions)).EnsureSuccessStatusCode();
        return new UriBuilder(Broker) { Path = "/" + name }.Uri;
    }

    /// <summary>An HTTP client on the broker's management API, authenticated as the broker's user.</summary>
    public HttpClient ManagementClient() => ErrorQueues.CreateManagementClient(Broker, BrokerManagement);

    public async Task DisposeAsync()
    {
        if (_local is not null) await _local.DisposeAsync();
        if (_postgresContainer is not null) await _postgresContainer.DisposeAsync();
        if (_rabbitContainer is not null) await _rabbitContainer.DisposeAsync();
    }
}
