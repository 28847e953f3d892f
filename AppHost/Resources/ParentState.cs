using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Resources;

/// <summary>
/// A child resource (a database on its server) shows its server's state. Aspire does this for children of
/// containers only; without it a database on an executable never leaves "Starting", and whatever waits for
/// it waits forever.
/// </summary>
public static class ParentState
{
    public static IResourceBuilder<T> WithStateOfParent<T>(this IResourceBuilder<T> child) where T : IResourceWithParent =>
        child.OnInitializeResource((resource, initializing, cancellationToken) =>
        {
            var stopping = initializing.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var notifications = initializing.Services.GetRequiredService<ResourceNotificationService>();
            _ = Task.Run(() => MirrorAsync(resource, notifications, stopping), CancellationToken.None);
            return Task.CompletedTask;
        });

    private static async Task MirrorAsync(IResourceWithParent child, ResourceNotificationService notifications, CancellationToken stopping)
    {
        string? last = null;
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                if (!ReferenceEquals(update.Resource, child.Parent) || update.Snapshot.State?.Text == last) continue;
                last = update.Snapshot.State?.Text;
                await notifications.PublishUpdateAsync(child, snapshot => snapshot with
                {
                    State = update.Snapshot.State,
                    StartTimeStamp = update.Snapshot.StartTimeStamp,
                    StopTimeStamp = update.Snapshot.StopTimeStamp,
                });
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }
}
