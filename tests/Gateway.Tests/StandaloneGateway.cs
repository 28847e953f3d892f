using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// A gateway process of its own, on a fresh database of the platform's PostgreSQL, started the way
/// production starts it (environment and settings given by the test), for what the AppHost's model
/// cannot show: another environment, another timeout, a service that never answers.
/// </summary>
internal sealed class StandaloneGateway : IAsyncDisposable
{
    private readonly Process _process;

    private StandaloneGateway(Process process, string database, int port)
    {
        _process = process;
        Database = database;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public string Database { get; }
    public HttpClient Client { get; }

    public static async Task<StandaloneGateway> StartAsync(PlatformFixture platform, IDictionary<string, string> settings)
    {
        var database = await CreateEmptyDatabaseAsync(platform);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(GatewayCommand.AssemblyPath);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__gatewaydb"] = database;
        start.Environment["Authentication__Issuer"] = $"http://127.0.0.1:{port}/";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        // Drain the output so the process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var gateway = new StandaloneGateway(process, database, port);
        await Eventually.GetAsync(async () =>
        {
            try { return (await gateway.Client.GetAsync("/alive")).StatusCode; }
            catch (HttpRequestException) { return HttpStatusCode.ServiceUnavailable; }
        }, status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the standalone gateway to start");
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static async Task<string> CreateEmptyDatabaseAsync(PlatformFixture platform)
    {
        var name = "gateway_standalone_" + Guid.NewGuid().ToString("N")[..8];
        var builder = new NpgsqlConnectionStringBuilder(platform.App.GetConnectionString("gatewaydb"));
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        builder.Database = name;
        return builder.ConnectionString;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
