using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Testing;
using Xunit;

namespace Platform.Testing;

/// <summary>The AppHost's own model (its Program.cs), started once for a test class on free ports and a throwaway state folder.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;
    /// <summary>The gateway without credentials.</summary>
    public HttpClient Gateway { get; private set; } = null!;
    public HttpClient Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = DistributedApplicationTestingBuilder.Create(typeof(Projects.Meetings).Assembly);
        await App.StartAsync();
        await App.WaitForHealthyAsync(TimeSpan.FromMinutes(3));
        Gateway = new HttpClient { BaseAddress = new Uri(App.GetEndpoint("gateway")) };
        Dashboard = new HttpClient { BaseAddress = new Uri(App.DashboardUrl) };
        Dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.DashboardToken);
    }

    /// <summary>An access token from the gateway's token endpoint (development partners' secrets are "{client id}-secret").</summary>
    public async Task<string> TokenAsync(string clientId, string? secret = null, string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret ?? clientId + "-secret",
        };
        if (scope is not null) form["scope"] = scope;
        using var response = await Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"No token for {clientId}: {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>A client of <paramref name="baseUrl"/> (the gateway unless given) that sends the partner's token.</summary>
    public async Task<HttpClient> PartnerAsync(string clientId, string? baseUrl = null, string? secret = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl ?? App.GetEndpoint("gateway")) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId, secret));
        return client;
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        Dashboard.Dispose();
        var state = App.Context.StateDirectory;
        await App.StopAsync();
        try { Directory.Delete(state, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
