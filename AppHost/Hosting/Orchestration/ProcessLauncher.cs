using System.Diagnostics;
using System.Runtime.InteropServices;
using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Hosting.Orchestration;

/// <summary>Starts a resource's process with its environment, captures its output and stops it by signal.</summary>
internal static partial class ProcessLauncher
{
    public static Process Start(ProcessSpec spec, ResourceLog log)
    {
        // setsid: each resource in a session of its own, so a Ctrl+C in the AppHost's terminal reaches the
        // AppHost alone, which then stops everything in order (instead of every process dying at once).
        // setpriv: servers that refuse root run as their system user. Both replace themselves with the
        // program, so the pid we watch and signal is the program's own.
        IEnumerable<string> command = spec.RunAsUser is { } user
            ? ["setpriv", "--reuid", user, "--regid", user, "--init-groups", "--", spec.FileName, .. spec.Arguments]
            : [spec.FileName, .. spec.Arguments];
        var (fileName, arguments) = ("setsid", command);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in spec.Environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Append(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Append(e.Data, isError: true); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Asks the process to stop with <paramref name="signal"/>; kills the whole tree if it is not gone in time.</summary>
    public static async Task StopAsync(Process process, PosixSignal signal, TimeSpan timeout)
    {
        if (process.HasExited) return;
        _ = Kill(process.Id, signal switch
        {
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGQUIT => 3,
            _ => 15,
        });
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
