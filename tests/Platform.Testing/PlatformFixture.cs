using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost.Dashboard;
using Platform.AppHost.Operations;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// The AppHost's own model (its Program.cs) under Aspire.Hosting.Testing, started once for a test class
/// or collection: free ports, throwaway data folders, every resource healthy before the first test.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    public TestApplication App { get; private set; } = null!;
    /// <summary>The gateway without credentials.</summary>
    public HttpClient Gateway { get; private set; } = null!;
    /// <summary>The AppHost's operations API, with the dashboard token.</summary>
    public HttpClient Operations { get; private set; } = null!;
    public string DashboardToken { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TestApplication.StartTimeout);
        App = await TestApplication.StartAsync(TestApplication.Quiet(await CreateBuilderAsync(timeout.Token)));
        DashboardToken = App.Aspire.Services.GetRequiredService<IConfiguration>()[DashboardAccess.ApiKeyConfiguration]!;
        Gateway = new HttpClient { BaseAddress = new Uri(App.GetEndpoint("gateway")) };
        Operations = new HttpClient { BaseAddress = App.Aspire.Services.GetRequiredService<OperationsApi>().Address };
        Operations.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardToken);
    }

    /// <summary>The AppHost as Aspire.Hosting.Testing builds it (no dashboard); a fixture that wants more of it overrides this.</summary>
    protected virtual Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(CancellationToken cancellationToken) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(cancellationToken);

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

    public virtual async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Operations?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}
