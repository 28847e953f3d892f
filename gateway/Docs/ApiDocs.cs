using Platform.Gateway.Proxy;
using Scalar.AspNetCore;

namespace Platform.Gateway.Docs;

/// <summary><c>/docs</c>: one browsable reference for every service's OpenAPI document, served by the gateway itself.</summary>
public static class ApiDocs
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["meetings"] = "Meetings",
        ["cases"] = "Cases",
        ["livelihoods"] = "Livelihoods",
        ["notifications"] = "Notifications",
    };

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Coordination Platform API");
            foreach (var service in ApiRoutes.Services)
                options.AddDocument(service, Titles[service], $"/openapi/{service}/v1.json", isDefault: service == "meetings");
        }).AllowAnonymous();
        return app;
    }
}
