using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>The gateway started as production starts it: on an empty database, outside Development.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class ProductionStartTests(PlatformFixture platform)
{
    [Fact]
    public async Task Outside_development_no_development_partner_is_created()
    {
        var database = await CreateEmptyDatabaseAsync();
        var port = FreePort();
        using var gateway = StartGateway(database, port);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Eventually.GetAsync(async () =>
            {
                try { return (await client.GetAsync("/alive")).StatusCode; }
                catch (HttpRequestException) { return HttpStatusCode.ServiceUnavailable; }
            }, status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the production gateway to start");

            var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "platform-dev", ["client_secret"] = "platform-dev-secret",
            }));
            await using var db = new NpgsqlConnection(database);
            await db.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM partners", db);

            Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
            Assert.Equal(0L, await count.ExecuteScalarAsync());
        }
        finally
        {
            gateway.Kill(entireProcessTree: true);
            await gateway.WaitForExitAsync();
        }
    }

    private Process StartGateway(string database, int port)
    {
        var context = platform.App.Context;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(context.RepositoryRoot, "gateway", "bin", context.BuildConfiguration, "net10.0", "Platform.Gateway.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__gatewaydb"] = database;
        start.Environment["Authentication__Issuer"] = $"http://127.0.0.1:{port}/";
        var process = Process.Start(start)!;
        // Drain the output so the process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = "gateway_production_" + Guid.NewGuid().ToString("N")[..8];
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
