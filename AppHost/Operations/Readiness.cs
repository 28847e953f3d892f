using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Operations;

/// <summary>When the platform is up: every resource of the model healthy.</summary>
public static class Readiness
{
    public static async Task WaitUntilEveryResourceIsHealthyAsync(DistributedApplicationModel model, ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        // Parameters have no health, and Aspire's own dashboard resource is hidden and never reports any.
        foreach (var resource in model.Resources.Where(r => r is not ParameterResource))
            await notifications.WaitForResourceAsync(resource.Name, e => e.Snapshot.IsHidden || e.Snapshot.HealthStatus == HealthStatus.Healthy, cancellationToken);
    }
}
