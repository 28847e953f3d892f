using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Resources;

/// <summary>When a command of ours in the dashboard's resource menu can be run.</summary>
public static class CommandStates
{
    /// <summary>Only while the resource is healthy: the commands talk to it.</summary>
    public static ResourceCommandState EnabledWhenHealthy(UpdateCommandStateContext state) =>
        state.ResourceSnapshot.HealthStatus == HealthStatus.Healthy ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;
}
