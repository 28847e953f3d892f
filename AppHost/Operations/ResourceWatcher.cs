using System.Collections.Concurrent;
using System.Collections.Immutable;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Resources;

namespace Platform.AppHost.Operations;

/// <summary>
/// Watches Aspire's resource notifications: keeps the newest snapshot of every resource (for the operations
/// API and the table printed on start) and brings back a resource that exited without an operator stopping
/// it. Aspire itself does not restart a process that exits (dotnet/aspire#5003).
/// </summary>
public sealed class ResourceWatcher(ResourceNotificationService notifications, ResourceCommandService commands, ILogger<ResourceWatcher> logger)
    : LifecycleHook
{
    public const string RestartsProperty = "platform.restarts";
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1), LongestDelay = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new();
    private readonly ConcurrentDictionary<string, int> _restarts = new(), _crashesInARow = new();
    private readonly ConcurrentDictionary<string, bool> _stoppedByOperator = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _watching;

    /// <summary>Every resource an operator can see (not parameters, not Aspire's own hidden ones), by name.</summary>
    public IReadOnlyList<ResourceEvent> Resources => _latest.Values
        .Where(e => !e.Snapshot.IsHidden && e.Snapshot.ResourceType != "Parameter")
        .OrderBy(e => e.Resource.Name, StringComparer.Ordinal).ToList();

    public int RestartsOf(string name) => _restarts.GetValueOrDefault(name);

    /// <summary>Each instance of a resource (one, or its replicas), newest snapshot, in the order of their ids.</summary>
    public IReadOnlyList<ResourceEvent> InstancesOf(IResource resource) => _latest.Values
        .Where(e => ReferenceEquals(e.Resource, resource))
        .OrderBy(e => e.ResourceId, StringComparer.Ordinal).ToList();

    public ResourceEvent? Find(string name) => Resources.FirstOrDefault(e => e.Resource.Name == name);

    /// <summary>
    /// A resource is being stopped on purpose (an operator, a restart, the AppHost's own stop): it is not
    /// to be taken for a crash, and a project's service gets the stop signal its launcher may not pass on.
    /// </summary>
    public void Stopping(IResource resource, CustomResourceSnapshot snapshot)
    {
        _stoppedByOperator[resource.Name] = true;
        if (resource is ProjectResource && ProcessId(snapshot) is { } launcher) StopSignalForwarding.ForwardToServiceOf(launcher);
    }

    // Hosted services start one after another: watching from StartingAsync sees the start itself.
    public override Task StartingAsync(CancellationToken cancellationToken)
    {
        _watching = Task.Run(() => WatchAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public override Task StoppingAsync(CancellationToken cancellationToken) => _stopping.CancelAsync();
    public override Task StopAsync(CancellationToken cancellationToken) => _watching ?? Task.CompletedTask;

    private async Task WatchAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                var name = update.Resource.Name;
                var before = _latest.TryGetValue(update.ResourceId, out var previous) ? previous.Snapshot.State?.Text : null;
                _latest[update.ResourceId] = update;
                var state = update.Snapshot.State?.Text;
                if (update.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy) _crashesInARow[name] = 0;
                if (state == before) continue;
                if (state == KnownResourceStates.Stopping) Stopping(update.Resource, update.Snapshot);
                else if (state == KnownResourceStates.Running) _stoppedByOperator.TryRemove(name, out _);
                else if (before == KnownResourceStates.Running && KnownResourceStates.TerminalStates.Contains(state)
                         && !_stoppedByOperator.ContainsKey(name) && update.Resource is ExecutableResource or ProjectResource)
                    _ = RestartAsync(update.Resource, update.ResourceId, update.Snapshot.ExitCode, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }

    /// <summary>The process Aspire started for the resource (for a project: its <c>dotnet run</c>).</summary>
    public static int? ProcessId(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name is "executable.pid" or "project.pid")?.Value is { } pid && int.TryParse(pid.ToString(), out var id) ? id : null;

    /// <summary>Starts the resource again after 1 s, doubling with every crash in a row up to 30 s.</summary>
    private async Task RestartAsync(IResource resource, string instance, int? exitCode, CancellationToken stopping)
    {
        var inARow = _crashesInARow.AddOrUpdate(resource.Name, 1, (_, n) => n + 1);
        var delay = TimeSpan.FromTicks(Math.Min(LongestDelay.Ticks, FirstDelay.Ticks << Math.Min(inARow - 1, 5)));
        logger.LogWarning("{Resource} exited (code {ExitCode}) without being stopped; starting it again in {Delay} s", resource.Name, exitCode, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, stopping);
            // The instance that exited, not every replica of the resource (--replicas).
            var started = await commands.ExecuteCommandAsync(instance, KnownResourceCommands.StartCommand, stopping);
            if (!started.Success)
            {
                logger.LogError("{Resource} could not be started again: {Message}", resource.Name, started.Message);
                return;
            }
            var restarts = _restarts.AddOrUpdate(resource.Name, 1, (_, n) => n + 1);
            await notifications.PublishUpdateAsync(resource, snapshot => snapshot with
            {
                Properties = snapshot.Properties.Where(p => p.Name != RestartsProperty)
                    .Append(new ResourcePropertySnapshot(RestartsProperty, restarts) { DisplayName = "Restarts", IsHighlighted = true })
                    .ToImmutableArray(),
            });
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }
}
