namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// The operations dashboard the AppHost serves itself: the UI and JSON API (http), and the OTLP
/// receiver for gRPC (otlp, HTTP/2 only) and for HTTP/protobuf (otlp-http).
/// It lives as long as the AppHost: it cannot be stopped from the API.
/// </summary>
public sealed class DashboardResource(int port, int otlpPort, int otlpHttpPort) : Resource("dashboard")
{
    public override string Type => "Dashboard";

    internal void Initialize()
    {
        Endpoints.Add(new ResourceEndpoint("http", "http", port));
        Endpoints.Add(new ResourceEndpoint("otlp", "http", otlpPort));
        Endpoints.Add(new ResourceEndpoint("otlp-http", "http", otlpHttpPort));
    }
}
