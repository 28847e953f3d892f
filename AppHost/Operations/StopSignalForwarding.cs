using Platform.AppHost.Resources;

namespace Platform.AppHost.Operations;

/// <summary>
/// Aspire runs a project as <c>dotnet run --no-build</c> and stops it with SIGTERM to that launcher. When the
/// AppHost itself runs under a test host, the launcher does not pass the signal on: the service keeps
/// running, DCP kills the launcher after 20 s, and the service is left an orphan holding its port. So when a
/// project is stopped, the service below the launcher gets the SIGTERM too, and shuts down as it would.
/// </summary>
internal static class StopSignalForwarding
{
    public static void ForwardToServiceOf(int launcher)
    {
        foreach (var service in ProcessSignals.ChildrenOf(launcher)) ProcessSignals.Terminate(service);
    }
}
