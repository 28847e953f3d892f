using System.Reflection;

namespace Platform.AppHost.Hosting.Testing;

/// <summary>
/// Starts the AppHost's own model (its entry point, unchanged) for a test, on free ports and a throwaway
/// state folder, so tests never collide with a running instance. The role Aspire.Hosting.Testing plays.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    private static readonly AsyncLocal<CaptureScope?> Current = new();

    internal static DistributedApplicationOptions? CurrentOptions => Current.Value?.Options;

    internal static void Capture(DistributedApplication application)
    {
        if (Current.Value is not { } capture) return;
        capture.Application = application;
        throw new CapturedException();
    }

    /// <summary>An empty model on free ports and a throwaway state folder, for tests that need only some servers.</summary>
    public static DistributedApplicationBuilder CreateBuilder(string? stateDirectory = null) => new([], TestOptions(stateDirectory));

    private static DistributedApplicationOptions TestOptions(string? stateDirectory) => new()
    {
        UseRandomPorts = true,
        StateDirectory = stateDirectory ?? Path.Combine(Path.GetTempPath(), "platform-test-" + Guid.NewGuid().ToString("N")[..12]),
        PrintSummary = false,
    };

    /// <summary>Runs <paramref name="entryPointAssembly"/>'s entry point up to <c>Build()</c> and returns the application, not started.</summary>
    public static DistributedApplication Create(Assembly entryPointAssembly, string? stateDirectory = null, params string[] args)
    {
        var capture = new CaptureScope(TestOptions(stateDirectory));
        Current.Value = capture;
        try
        {
            entryPointAssembly.EntryPoint!.Invoke(null, [args]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is CapturedException) { }
        finally
        {
            Current.Value = null;
        }
        return capture.Application ?? throw new InvalidOperationException("The entry point did not build a DistributedApplication.");
    }

    private sealed class CaptureScope(DistributedApplicationOptions options)
    {
        public DistributedApplicationOptions Options { get; } = options;
        public DistributedApplication? Application { get; set; }
    }

    private sealed class CapturedException : Exception;
}
