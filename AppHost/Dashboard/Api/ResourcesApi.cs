using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Dashboard.Api;

/// <summary><c>/api/resources</c>: the resource model for scripts, and stop/start/restart of one resource.</summary>
internal static class ResourcesApi
{
    public static RouteGroupBuilder MapResourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var resources = endpoints.MapGroup("/api/resources");
        resources.MapGet("/", (DistributedApplication application) => application.Resources.Select(ResourceSnapshot.From));
        resources.MapGet("/{name}", (string name, DistributedApplication application) =>
            application.Resources.FirstOrDefault(r => r.Name == name) is { } resource
                ? Results.Ok(ResourceDetails.From(resource))
                : Results.Problem(statusCode: 404, title: $"No resource named {name}."));
        resources.MapPost("/{name}/{command}", async (string name, string command, DistributedApplication application) =>
        {
            var resource = application.Resources.FirstOrDefault(r => r.Name == name);
            if (resource is null) return Results.Problem(statusCode: 404, title: $"No resource named {name}.");
            if (await ResourceCommands.RunAsync(application, resource, command) is { } refusal) return refusal;
            return Results.Accepted($"/api/resources/{name}", ResourceSnapshot.From(resource));
        });
        return resources;
    }
}

/// <summary>Stop, start and restart, shared by the API and the dashboard's buttons.</summary>
internal static class ResourceCommands
{
    public static bool CanRun(Resource resource) => resource is ExecutableResource;

    /// <summary>Runs the command; returns a problem when it cannot be run, null when it was.</summary>
    public static async Task<IResult?> RunAsync(DistributedApplication application, Resource resource, string command)
    {
        if (!CanRun(resource))
            return Results.Problem(statusCode: 409, title: $"{resource.Name} lives as long as the AppHost and cannot be stopped or started.");
        switch (command)
        {
            case "stop": await application.StopResourceAsync(resource.Name); break;
            case "start": application.StartResource(resource.Name); break;
            case "restart": application.RestartResource(resource.Name); break;
            default: return Results.Problem(statusCode: 404, title: $"Unknown command {command}: use stop, start or restart.");
        }
        return null;
    }
}

internal record ResourceSnapshot(
    string Name, string Type, ResourceState State, ResourceHealth Health, IReadOnlyList<EndpointSnapshot> Endpoints,
    int Restarts, int? Pid, DateTimeOffset? StartedAt, int? ExitCode, string? LastError)
{
    public static ResourceSnapshot From(Resource r) => new(
        r.Name, r.Type, r.State, r.Health, r.Endpoints.Select(e => new EndpointSnapshot(e.Name, e.Url)).ToList(),
        r.Restarts, r.Pid, r.StartedAt, r.ExitCode, r.LastError);
}

internal sealed record EndpointSnapshot(string Name, string Url);

/// <summary>One resource in full: its snapshot, what it references and waits for, and how it was started (secrets masked).</summary>
internal sealed record ResourceDetails(
    string Name, string Type, ResourceState State, ResourceHealth Health, IReadOnlyList<EndpointSnapshot> Endpoints,
    int Restarts, int? Pid, DateTimeOffset? StartedAt, int? ExitCode, string? LastError,
    IReadOnlyList<string> References, IReadOnlyList<string> WaitsFor,
    IReadOnlyList<string> Command, IReadOnlyList<KeyValuePair<string, string>> Environment)
    : ResourceSnapshot(Name, Type, State, Health, Endpoints, Restarts, Pid, StartedAt, ExitCode, LastError)
{
    public static new ResourceDetails From(Resource r) => new(
        r.Name, r.Type, r.State, r.Health, r.Endpoints.Select(e => new EndpointSnapshot(e.Name, e.Url)).ToList(),
        r.Restarts, r.Pid, r.StartedAt, r.ExitCode, r.LastError,
        r.References.Select(x => x.Name).ToList(),
        r.WaitsFor.Select(x => x.Name).ToList(),
        r.Command.Select(SecretMasking.MaskValue).ToList(),
        r.Environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, SecretMasking.Mask(e.Key, e.Value))).ToList());
}
