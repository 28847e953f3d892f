using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Resources.RabbitMQ;

/// <summary>
/// The cluster is a resource of its own with no process: its state follows its nodes'. Running once all three
/// run (whether they form one cluster is its health check's business), Degraded while some are down, Finished
/// when all have ended.
/// </summary>
internal static class ClusterState
{
    public const string Degraded = "Degraded";

    public static async Task MirrorAsync(RabbitMQClusterResource cluster, IServiceProvider services)
    {
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var states = cluster.Nodes.ToDictionary(node => (IResource)node, _ => (string?)null);
        string? last = null;
        var everRunning = false;
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                if (!states.ContainsKey(update.Resource)) continue;
                states[update.Resource] = update.Snapshot.State?.Text;
                var running = states.Values.Count(s => s == KnownResourceStates.Running);
                var ended = states.Values.Count(s => s is not null && KnownResourceStates.TerminalStates.Contains(s));
                everRunning |= running == states.Count;
                ResourceStateSnapshot state = running == states.Count ? new(KnownResourceStates.Running, KnownResourceStateStyles.Success)
                    : ended == states.Count ? new(KnownResourceStates.Finished, KnownResourceStateStyles.Info)
                    : everRunning ? new(Degraded, KnownResourceStateStyles.Warn)
                    : new(KnownResourceStates.Starting, KnownResourceStateStyles.Info);
                if (state.Text == last) continue;
                last = state.Text;
                await notifications.PublishUpdateAsync(cluster, snapshot => snapshot with
                {
                    State = state,
                    StartTimeStamp = state.Text == KnownResourceStates.Running ? snapshot.StartTimeStamp ?? DateTime.UtcNow : snapshot.StartTimeStamp,
                    StopTimeStamp = state.Text == KnownResourceStates.Finished ? DateTime.UtcNow : null,
                });
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }
}
