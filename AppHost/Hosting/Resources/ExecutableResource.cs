using System.Diagnostics;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>What to run for a resource: the orchestrator starts it, watches it and restarts it.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    public Dictionary<string, string> Environment { get; init; } = [];
    /// <summary>Run as this system user (servers that refuse root), when the AppHost runs as root.</summary>
    public string? RunAsUser { get; init; }
}

/// <summary>A resource backed by an operating-system process.</summary>
public abstract class ExecutableResource(string name) : Resource(name)
{
    /// <summary>The signal that asks the process to shut down cleanly.</summary>
    public virtual PosixSignal StopSignal => PosixSignal.SIGTERM;

    /// <summary>How long a clean shutdown may take before the process tree is killed.</summary>
    public virtual TimeSpan StopTimeout => TimeSpan.FromSeconds(15);

    /// <summary>Checks prerequisites, prepares data folders and says what to run.</summary>
    public abstract Task<ProcessSpec> PrepareAsync(AppHostContext context, CancellationToken cancellationToken);

    /// <summary>Whether the running process is ready to serve.</summary>
    public abstract Task<bool> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>Clean-up after the process has ended.</summary>
    public virtual Task AfterStopAsync(AppHostContext context) => Task.CompletedTask;

    protected static string FindExecutable(string name, string installHint)
    {
        foreach (var directory in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new ResourceStartException($"'{name}' was not found on PATH. {installHint}");
    }

    protected static async Task<string> RunToEndAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new ResourceStartException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Trim()}");
        return output;
    }
}
