namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// The operations dashboard and resource API the AppHost serves itself (and its OTLP endpoint).
/// It lives as long as the AppHost: it cannot be stopped from the API.
/// </summary>
public sealed class DashboardResource(int port, int otlpPort) : Resource("dashboard")
{
    public override string Type => "Dashboard";

    internal void Initialize()
    {
        Endpoints.Add(new ResourceEndpoint("http", "http", port));
        Endpoints.Add(new ResourceEndpoint("otlp", "http", otlpPort));
    }
}
