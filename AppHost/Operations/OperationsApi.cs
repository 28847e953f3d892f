using Aspire.Hosting.ApplicationModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Resources;

namespace Platform.AppHost.Operations;

/// <summary>
/// The AppHost's HTTP API for scripts and monitors, which the Aspire dashboard does not offer:
/// <c>GET /api/resources</c>, <c>POST /api/resources/{name}/stop|start|restart</c> and <c>POST /api/resources/{name}/commands/{command}</c>, with the dashboard's
/// token as a bearer token. Commands go through Aspire's own resource commands.
/// </summary>
public sealed class OperationsApi(ResourceWatcher watcher, ResourceCommandService commands, OperationsApi.Settings settings, ILogger<OperationsApi> logger)
    : LifecycleHook
{
    public sealed record Settings(int Port, string Token);

    public sealed record ResourceRow(string Name, string Type, string? State, string? Health, IReadOnlyList<string> Urls, int Restarts, int? Pid, int? ExitCode);

    private WebApplication? _api;

    /// <summary>Where it listens, once started.</summary>
    public Uri? Address { get; private set; }

    public IReadOnlyList<ResourceRow> Rows() => watcher.Resources.Select(Row).ToList();

    private ResourceRow Row(ResourceEvent resource) => new(
        resource.Resource.Name,
        resource.Snapshot.ResourceType,
        resource.Snapshot.State?.Text,
        resource.Snapshot.HealthStatus?.ToString(),
        resource.Snapshot.Urls.Where(u => !u.IsInternal).Select(u => u.Url).ToList(),
        watcher.RestartsOf(resource.Resource.Name),
        ResourceWatcher.ProcessId(resource.Snapshot),
        resource.Snapshot.ExitCode);

    // Started before Aspire's orchestrator, which returns only once every resource has started.
    public override async Task StartingAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{settings.Port}");
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        var api = builder.Build();
        api.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString() == $"Bearer {settings.Token}")
            {
                await next(context);
                return;
            }
            await TypedResults.Problem(statusCode: 401, title: "Send the dashboard token: Authorization: Bearer <PLATFORM_DASHBOARD_TOKEN>.").ExecuteAsync(context);
        });
        api.MapGet("/api/resources", Rows);
        api.MapGet("/api/resources/{name}", Results<Ok<ResourceRow>, ProblemHttpResult> (string name) =>
            watcher.Find(name) is { } resource ? TypedResults.Ok(Row(resource)) : NoSuchResource(name));
        api.MapPost("/api/resources/{name}/{action}", Execute);
        api.MapPost("/api/resources/{name}/commands/{command}", ExecuteCommandAsync);
        await api.StartAsync(cancellationToken);
        _api = api;
        Address = new Uri(api.Urls.First());
    }

    /// <summary>Accepted at once; the command runs on (a stop waits for the process to end, a start for it to run).</summary>
    private Results<Accepted<ResourceRow>, ProblemHttpResult> Execute(string name, string action)
    {
        if (watcher.Find(name) is not { } resource) return NoSuchResource(name);
        var command = action switch
        {
            "stop" => KnownResourceCommands.StopCommand,
            "start" => KnownResourceCommands.StartCommand,
            "restart" => KnownResourceCommands.RestartCommand,
            _ => null,
        };
        if (command is null) return TypedResults.Problem(statusCode: 404, title: $"Unknown action {action}: use stop, start or restart.");
        // Not a crash, so not to be started again by the watcher (a restart starts it itself).
        if (action is "stop" or "restart") watcher.Stopping(resource.Resource, resource.Snapshot);
        _ = Task.Run(async () =>
        {
            var result = await commands.ExecuteCommandAsync(resource.Resource, command, CancellationToken.None);
            if (!result.Success) logger.LogWarning("{Action} {Resource} through the operations API failed: {Message}", action, name, result.Message);
        });
        return TypedResults.Accepted($"/api/resources/{name}", Row(resource));
    }

    /// <summary>Any command of the resource's menu in the dashboard (<c>load-demo-data</c>, <c>requeue-error-messages</c>), run to its end.</summary>
    private async Task<Results<Ok<CommandOutcome>, UnprocessableEntity<CommandOutcome>, ProblemHttpResult>> ExecuteCommandAsync(string name, string command, CancellationToken cancellationToken)
    {
        if (watcher.Find(name) is not { } resource) return NoSuchResource(name);
        if (!resource.Resource.TryGetAnnotationsOfType<ResourceCommandAnnotation>(out var menu) || menu.All(c => c.Name != command))
            return TypedResults.Problem(statusCode: 404, title: $"{name} has no command {command}.");
        var result = await commands.ExecuteCommandAsync(resource.Resource, command, cancellationToken);
        var outcome = new CommandOutcome(command, result.Success, result.Message);
        return result.Success ? TypedResults.Ok(outcome) : TypedResults.UnprocessableEntity(outcome);
    }

    public sealed record CommandOutcome(string Command, bool Success, string? Message);

    private static ProblemHttpResult NoSuchResource(string name) => TypedResults.Problem(statusCode: 404, title: $"No resource named {name}.");

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_api is not null) await _api.DisposeAsync();
    }
}
