using Aspire.Hosting.ApplicationModel;
using Platform.AppHost.Resources;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost.Operations;

/// <summary>
/// On Ctrl+C (or SIGTERM) the AppHost stops its resources itself, dependants before what they wait for
/// (gateway, services, then the servers), and waits until each has ended. Left to DCP alone, the AppHost
/// exits at once and its processes linger for twenty seconds or more.
/// </summary>
public sealed class OrderlyShutdown(DistributedApplicationModel model, ResourceNotificationService notifications, ResourceCommandService commands,
    ResourceWatcher watcher, ILogger<OrderlyShutdown> logger) : LifecycleHook
{
    private static readonly TimeSpan PerLayer = TimeSpan.FromSeconds(20);

    public override async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var remaining = model.Resources.Where(r => r is ProjectResource or ExecutableResource && IsRunningAndVisible(r)).ToList();
        while (remaining.Count > 0)
        {
            var layer = remaining.Where(r => !remaining.Any(other => other != r && WaitsFor(other, r))).ToList();
            if (layer.Count == 0) layer = remaining.ToList();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PerLayer);
            await Task.WhenAll(layer.Select(r => StopAsync(r, timeout.Token)));
            remaining.RemoveAll(layer.Contains);
        }
    }

    private async Task StopAsync(IResource resource, CancellationToken cancellationToken)
    {
        foreach (var instance in watcher.InstancesOf(resource)) watcher.Stopping(resource, instance.Snapshot);
        try
        {
            var stopped = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
            if (!stopped.Success) logger.LogWarning("{Resource} did not stop: {Message}", resource.Name, stopped.Message);
            await notifications.WaitForEveryInstanceAsync(resource, s => KnownResourceStates.TerminalStates.Contains(s.State?.Text), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("{Resource} did not stop within {Seconds} s; DCP ends it", resource.Name, PerLayer.TotalSeconds);
        }
    }

    private bool IsRunningAndVisible(IResource resource) =>
        notifications.TryGetCurrentState(resource.Name, out var current) && !current.Snapshot.IsHidden
        && !KnownResourceStates.TerminalStates.Contains(current.Snapshot.State?.Text);

    /// <summary>Whether <paramref name="dependant"/> waits for <paramref name="dependency"/> (or for one of its databases).</summary>
    private static bool WaitsFor(IResource dependant, IResource dependency) =>
        dependant.TryGetAnnotationsOfType<WaitAnnotation>(out var waits)
        && waits.Any(w => w.Resource == dependency || w.Resource is IResourceWithParent child && child.Parent == dependency);
}
