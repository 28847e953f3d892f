using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Hosting.Dashboard;

/// <summary>
/// The AppHost's web endpoint: the resource model as JSON for scripts (and the dashboard UI), and
/// commands on one resource. Everything needs the dashboard token (bearer header, or the cookie /login sets).
/// </summary>
internal sealed class DashboardServer(DistributedApplication application, DashboardResource dashboard) : IAsyncDisposable
{
    public const string CookieName = "platform-dashboard";
    private WebApplication? _app;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(dashboard.GetEndpoint("http").Url);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        _app = builder.Build();
        _app.UseStatusCodePages();
        _app.Use(RequireTokenAsync);
        MapEndpoints(_app);
        MapErrorQueueEndpoints(_app);
        await _app.StartAsync();
    }

    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/login", (string? t, HttpContext http) =>
        {
            if (!IsToken(t)) return Results.Problem(statusCode: 401, title: "The login link's token is not valid.");
            http.Response.Cookies.Append(CookieName, t!, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            return Results.Redirect("/");
        });
        app.MapGet("/", () => Results.Redirect("/api/resources"));

        var resources = app.MapGroup("/api/resources");
        resources.MapGet("/", () => application.Resources.Select(ResourceSnapshot.From));
        resources.MapGet("/{name}", (string name) =>
            application.Resources.FirstOrDefault(r => r.Name == name) is { } resource
                ? Results.Ok(ResourceSnapshot.From(resource))
                : Results.Problem(statusCode: 404, title: $"No resource named {name}."));
        resources.MapPost("/{name}/{command}", async (string name, string command) =>
        {
            var resource = application.Resources.FirstOrDefault(r => r.Name == name);
            if (resource is null) return Results.Problem(statusCode: 404, title: $"No resource named {name}.");
            if (resource is not ExecutableResource)
                return Results.Problem(statusCode: 409, title: $"{name} lives as long as the AppHost and cannot be stopped or started.");
            switch (command)
            {
                case "stop": await application.StopResourceAsync(name); break;
                case "start": application.StartResource(name); break;
                case "restart": application.RestartResource(name); break;
                default: return Results.Problem(statusCode: 404, title: $"Unknown command {command}: use stop, start or restart.");
            }
            return Results.Accepted($"/api/resources/{name}", ResourceSnapshot.From(resource));
        });
    }

    private void MapErrorQueueEndpoints(WebApplication app)
    {
        var errorQueues = app.MapGroup("/api/error-queues");
        errorQueues.MapGet("/", async (CancellationToken cancellationToken) =>
            ErrorQueuesOfBroker() is { } queues ? Results.Ok(await queues.ListAsync(cancellationToken)) : NoBroker());
        errorQueues.MapPost("/{queue}/requeue", async (string queue, int? limit, CancellationToken cancellationToken) =>
        {
            if (ErrorQueuesOfBroker() is not { } queues) return NoBroker();
            try
            {
                return Results.Ok(new { queue, moved = await queues.RequeueAsync(queue, limit ?? 10_000, cancellationToken) });
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return Results.Problem(statusCode: 404, title: $"There is no queue {queue}_error.");
            }
        });
    }

    private ErrorQueues? ErrorQueuesOfBroker() =>
        application.Resources.OfType<RabbitMQServerResource>().FirstOrDefault() is { Health: ResourceHealth.Healthy } rabbit
            ? new ErrorQueues(new Uri(rabbit.ConnectionString), new Uri(rabbit.GetEndpoint("management").Url))
            : null;

    private static IResult NoBroker() => Results.Problem(statusCode: 503, title: "The broker is not running.");

    private async Task RequireTokenAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Path.StartsWithSegments("/login")) { await next(http); return; }
        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : http.Request.Cookies[CookieName];
        if (IsToken(presented)) { await next(http); return; }
        http.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "The dashboard token is missing or wrong.",
            detail: "Send 'Authorization: Bearer <token>' (the AppHost prints it at start, or set PLATFORM_DASHBOARD_TOKEN), or open the login link.").ExecuteAsync(http);
    }

    private bool IsToken(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(application.DashboardToken));

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ResourceSnapshot(
    string Name, string Type, ResourceState State, ResourceHealth Health, IReadOnlyList<EndpointSnapshot> Endpoints,
    int Restarts, int? Pid, DateTimeOffset? StartedAt, int? ExitCode, string? LastError)
{
    public static ResourceSnapshot From(Resource r) => new(
        r.Name, r.Type, r.State, r.Health, r.Endpoints.Select(e => new EndpointSnapshot(e.Name, e.Url)).ToList(),
        r.Restarts, r.Pid, r.StartedAt, r.ExitCode, r.LastError);
}

internal sealed record EndpointSnapshot(string Name, string Url);
