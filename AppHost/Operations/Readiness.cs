using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Operations;

/// <summary>When the platform is up: every resource of the model healthy, and every instance of a replicated one.</summary>
public static class Readiness
{
    public static async Task WaitUntilEveryResourceIsHealthyAsync(DistributedApplicationModel model, ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        // Parameters have no health, and Aspire's own dashboard resource is hidden and never reports any.
        foreach (var resource in model.Resources.Where(r => r is not ParameterResource))
            await notifications.WaitForEveryInstanceAsync(resource, s => s.IsHidden || s.HealthStatus == HealthStatus.Healthy, cancellationToken);
    }

    /// <summary>
    /// Waiting on a name ends at the first instance that matches: with <c>--replicas 2</c> the second instance of the
    /// gateway could still be starting, or still running. Counting instances by their own ids waits for all of them.
    /// </summary>
    public static async Task WaitForEveryInstanceAsync(this ResourceNotificationService notifications, IResource resource,
        Func<CustomResourceSnapshot, bool> reached, CancellationToken cancellationToken)
    {
        var instances = resource.GetReplicaCount();
        var there = new HashSet<string>(StringComparer.Ordinal);
        await notifications.WaitForResourceAsync(resource.Name, e =>
        {
            if (reached(e.Snapshot)) there.Add(e.ResourceId);
            else there.Remove(e.ResourceId);
            return there.Count >= instances;
        }, cancellationToken);
    }
}
