using Aspire.Hosting.Testing;
using Platform.AppHost.Resources;

namespace Platform.Testing;

/// <summary>
/// The whole AppHost under test with Aspire's dashboard running (Aspire.Hosting.Testing leaves it out):
/// plain http on loopback, every service exporting its telemetry to the dashboard's OTLP endpoint.
/// </summary>
public sealed class DashboardPlatform : PlatformFixture
{
    /// <summary>Aspire's name for its dashboard resource (hidden: it is in no list of ours).</summary>
    public const string DashboardResource = "aspire-dashboard";

    /// <summary>The dashboard's frontend and telemetry API, without a trailing slash (<c>http://127.0.0.1:40123</c>).</summary>
    public string DashboardUrl { get; private set; } = "";

    // Free ports rather than the launch profile's 18888-18890, which a developer's own AppHost holds.
    // Under test DCP still puts each of them behind a proxy on a port of its own: read the URL from the endpoint.
    protected override Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(CancellationToken cancellationToken) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                $"--ASPNETCORE_URLS=http://127.0.0.1:{LocalServers.FreePort()}",
                $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{LocalServers.FreePort()}",
                $"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:{LocalServers.FreePort()}",
                "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            ],
            (options, _) => options.DisableDashboard = false,
            cancellationToken);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        DashboardUrl = App.GetEndpoint(DashboardResource);
        // The dashboard reports no health: the platform can be healthy before the dashboard answers.
        using var api = TelemetryApi();
        await Eventually.GetAsync(() => AnswersAsync(api), answers => answers, TimeSpan.FromSeconds(60), "the dashboard's telemetry API to answer");
    }

    /// <summary>A client of the dashboard's telemetry API (<c>/api/telemetry/...</c>) that sends <paramref name="apiKey"/> as <c>x-api-key</c> (the token unless told otherwise; none when empty).</summary>
    public HttpClient TelemetryApi(string? apiKey = null)
    {
        // No redirects followed: a refusal that sent the client to the login page would otherwise read as 200.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(DashboardUrl), Timeout = TimeSpan.FromSeconds(10) };
        apiKey ??= DashboardToken;
        if (apiKey.Length > 0) client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        return client;
    }

    private static async Task<bool> AnswersAsync(HttpClient api)
    {
        try
        {
            using var response = await api.GetAsync("/api/telemetry/resources");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException) { return false; }
    }
}
