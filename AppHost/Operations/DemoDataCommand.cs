using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Platform.AppHost.Resources;

namespace Platform.AppHost.Operations;

/// <summary>
/// "Load demo data" in the dashboard's menu of a service (Development only): the service's own demo-data
/// endpoint, called as the development partner <c>platform-dev</c> with a token from the gateway.
/// </summary>
public static class DemoDataCommand
{
    public const string Name = "load-demo-data";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static IResourceBuilder<ProjectResource> WithDemoDataCommand(this IResourceBuilder<ProjectResource> service, string path, IResourceBuilder<ProjectResource> gateway)
    {
        var serviceEndpoint = service.GetEndpoint("http");
        var gatewayEndpoint = gateway.GetEndpoint("http");
        return service.WithCommand(Name, "Load demo data", async context =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(serviceEndpoint.Url), path));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(gatewayEndpoint.Url, context.CancellationToken));
                using var response = await Http.SendAsync(request, context.CancellationToken);
                var body = await response.Content.ReadAsStringAsync(context.CancellationToken);
                return response.IsSuccessStatusCode
                    ? CommandResults.Success($"Demo data loaded: {body}")
                    : CommandResults.Failure($"{(int)response.StatusCode}: {body}");
            }
            catch (HttpRequestException ex)
            {
                return CommandResults.Failure(ex.Message);
            }
        }, new CommandOptions
        {
            Description = "Loads the seed texts' institutions, meetings and programme through the service's own API (loading twice adds nothing).",
            IconName = "DatabaseArrowUp",
            UpdateState = CommandStates.EnabledWhenHealthy,
        });
    }

    private static async Task<string> TokenAsync(string gateway, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsync(new Uri(new Uri(gateway), "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "platform-dev",
            ["client_secret"] = "platform-dev-secret",
        }), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.IsSuccessStatusCode
            ? body.GetProperty("access_token").GetString()!
            : throw new HttpRequestException($"The gateway gave no token to platform-dev: {body}");
    }
}
