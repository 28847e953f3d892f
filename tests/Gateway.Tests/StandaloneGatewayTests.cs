using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Platform.Testing;

namespace Platform.Gateway.Tests;

[Collection(GatewayPlatform.Name)]
public sealed class StandaloneGatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task Outside_development_no_development_partner_is_created()
    {
        await using var gateway = await StandaloneGateway.StartAsync(platform, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
        });

        var token = await gateway.Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "platform-dev", ["client_secret"] = "platform-dev-secret",
        }));
        await using var db = new NpgsqlConnection(gateway.Database);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM partners", db);

        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_service_that_accepts_but_never_answers_gets_504_after_the_route_timeout()
    {
        // A "meetings" that takes the connection and says nothing.
        using var silent = new TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        _ = Task.Run(async () => { while (true) accepted.Add(await silent.AcceptSocketAsync()); });
        await using var gateway = await StandaloneGateway.StartAsync(platform, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Gateway__Timeouts__meetings"] = "00:00:01",
            ["services__meetings__http__0"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}",
        });
        var token = await TokenAsync(gateway.Client);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/institutions/{Guid.CreateVersion7()}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var problem = await (await gateway.Client.SendAsync(request)).AssertProblemAsync(504);

        Assert.Contains("meetings", problem.GetProperty("detail").GetString());
        Assert.NotEmpty(accepted);
    }

    private static async Task<string> TokenAsync(HttpClient gateway)
    {
        var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "platform-dev", ["client_secret"] = "platform-dev-secret",
        }));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
