using Yarp.ReverseProxy.Configuration;

namespace Platform.Gateway.Proxy;

/// <summary>A path prefix of the public API and the service that owns it (ARCHITECTURE.md, "Who owns which route").</summary>
public sealed record ApiRoute(string Prefix, string Service, bool Anonymous = false);

/// <summary>
/// The route table, in code so that each prefix's scope rule is next to it: every prefix becomes a
/// read route (GET, HEAD: <c>{service}.read</c>) and a write route (<c>{service}.write</c>).
/// </summary>
public static class ApiRoutes
{
    public const string AnonymousPolicy = "anonymous";
    public static readonly string[] Services = ["meetings", "cases", "livelihoods", "notifications"];

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new("/api/v1/districts", "meetings"),
        new("/api/v1/topics", "meetings"),
        new("/api/v1/institutions", "meetings"),
        new("/api/v1/meetings", "meetings"),
        new("/api/v1/action-items", "meetings"),
        // /api/v1/institutions/{id}/service-offers is under the institutions prefix.
        new("/api/v1/service-offers", "meetings"),
        new("/api/v1/service-directory", "meetings"),
        // The signed link in the invitation email is the credential.
        new("/api/v1/rsvp", "meetings", Anonymous: true),
        // The document links of the minutes email: signed and expiring, read by focal points without a token.
        new("/api/v1/document-links", "meetings", Anonymous: true),
        new("/api/v1/beneficiaries", "cases"),
        new("/api/v1/cases", "cases"),
        new("/api/v1/duplicate-checks", "cases"),
        new("/api/v1/referrals", "cases"),
        new("/api/v1/transfers", "cases"),
        new("/api/v1/audit", "cases"),
        new("/api/v1/households", "cases"),
        new("/api/v1/retention", "cases"),
        new("/api/v1/reports/services", "cases"),
        new("/api/v1/reports/who-does-what-where", "cases"),
        new("/api/v1/reports/district-briefing", "cases"),
        new("/api/v1/cohorts", "livelihoods"),
        new("/api/v1/entrepreneurs", "livelihoods"),
        new("/api/v1/trainings", "livelihoods"),
        new("/api/v1/reports/livelihoods", "livelihoods"),
        new("/api/v1/notifications", "notifications"),
    ];

    private static readonly string[] ReadMethods = ["GET", "HEAD"];
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public static IReadOnlyList<RouteConfig> Routes(IConfiguration configuration)
    {
        var routes = new List<RouteConfig>();
        foreach (var route in All)
        {
            var timeout = configuration.GetValue($"Gateway:Timeouts:{route.Service}", configuration.GetValue("Gateway:Timeouts:Default", TimeSpan.FromSeconds(30)));
            var id = route.Service + route.Prefix.Replace('/', '-');
            if (route.Anonymous)
            {
                routes.Add(Route(id, route, null, AnonymousPolicy, timeout));
                continue;
            }
            routes.Add(Route(id + "-read", route, ReadMethods, route.Service + ".read", timeout));
            // A service without a write scope (notifications) is read-only to partners.
            if (PartnerScopes.Descriptions.ContainsKey(route.Service + ".write"))
                routes.Add(Route(id + "-write", route, WriteMethods, route.Service + ".write", timeout));
        }
        // Each service's OpenAPI document, public so that partners can read it before they hold a token.
        foreach (var service in Services)
        {
            routes.Add(new RouteConfig
            {
                RouteId = $"{service}-openapi",
                ClusterId = service,
                AuthorizationPolicy = AnonymousPolicy,
                Match = new RouteMatch { Path = $"/openapi/{service}/v1.json", Methods = ReadMethods },
                Transforms = [new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" }],
            });
        }
        return routes;
    }

    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration) => Services.Select(service => new ClusterConfig
    {
        ClusterId = service,
        // Resolved through service discovery (services__{name}__http__0, __1, ... one per instance).
        Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = $"http://{service}" } },
    }.BalancedAcrossInstances(configuration)).ToList();

    private static RouteConfig Route(string id, ApiRoute route, string[]? methods, string policy, TimeSpan timeout) => new()
    {
        RouteId = id,
        ClusterId = route.Service,
        AuthorizationPolicy = policy,
        Timeout = timeout,
        Match = new RouteMatch { Path = route.Prefix + "/{**rest}", Methods = methods },
    };
}
