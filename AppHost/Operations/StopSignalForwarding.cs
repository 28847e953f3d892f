using Platform.AppHost.Resources;

namespace Platform.AppHost.Operations;

/// <summary>
/// Aspire runs a project as <c>dotnet run --no-build</c> and stops it with SIGTERM to that launcher. When the
/// AppHost itself runs under a test host, the launcher does not pass the signal on: the service keeps
/// running, DCP kills the launcher after 20 s, and the service is left an orphan holding its port. So when a
/// project is stopped, the service below the launcher gets the SIGTERM too, and shuts down as it would;
/// one still running 10 s later (within DCP's 20 s) is ended, so that a stop never leaves it behind.
/// </summary>
internal static class StopSignalForwarding
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);

    public static void ForwardToServiceOf(int launcher)
    {
        var services = ProcessSignals.ChildrenOf(launcher);
        foreach (var service in services) ProcessSignals.Terminate(service);
        if (services.Count > 0) _ = EndIfStillRunningAsync(services);
    }

    private static async Task EndIfStillRunningAsync(IReadOnlyList<int> services)
    {
        await Task.Delay(GracePeriod);
        foreach (var service in services.Where(ProcessSignals.IsAlive)) ProcessSignals.KillNow(service);
    }
}
