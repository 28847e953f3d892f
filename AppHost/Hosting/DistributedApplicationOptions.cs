namespace Platform.AppHost.Hosting;

public sealed class DistributedApplicationOptions
{
    /// <summary>Where servers keep their data; <c>.state</c> in the repository unless set (<c>--state-dir</c>, <c>AppHost:StateDirectory</c>).</summary>
    public string? StateDirectory { get; set; }
    /// <summary>Every endpoint on a free port instead of its fixed one: how tests run beside a running instance.</summary>
    public bool UseRandomPorts { get; set; }
    /// <summary>Bearer token of the dashboard and its API; generated when not set.</summary>
    public string? DashboardToken { get; set; }
    public string EnvironmentName { get; set; } = "Development";
    /// <summary>Print the resource table and the login link to the console.</summary>
    public bool PrintSummary { get; set; } = true;
    /// <summary>How much telemetry the dashboard keeps per resource (memory and archive).</summary>
    public Telemetry.Store.TelemetryLimits TelemetryLimits { get; set; } = new();
}
