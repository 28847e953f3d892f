using System.Diagnostics;

namespace Platform.Deployment.Tests;

/// <summary>Runs the tools the checks need as processes: kubectl's Kustomize and the Node.js schema validator.</summary>
public static class Tools
{
    /// <summary>
    /// Renders an overlay offline. kubectl's default server is localhost:8080 (the gateway's port here), so it
    /// gets an empty kubeconfig of its own: nothing it does can reach a server.
    /// </summary>
    public static async Task<string> KustomizeAsync(string folder)
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), "platform-empty-kubeconfig");
        if (!File.Exists(kubeconfig)) await File.WriteAllTextAsync(kubeconfig, "");
        var (exitCode, output, error) = await RunAsync("kubectl", ["kustomize", folder], environment: new() { ["KUBECONFIG"] = kubeconfig });
        return exitCode == 0 ? output : throw new InvalidOperationException($"kubectl kustomize {folder} exited with {exitCode}: {error}");
    }

    /// <summary>tests/tools/kubernetes/validate.mjs on the files: every document against the Kubernetes schemas of kubernetes-models.</summary>
    public static async Task<(bool Valid, string Output)> ValidateSchemasAsync(params string[] files)
    {
        var tool = Path.Combine(Platform.Testing.Repository.Root, "tests", "tools", "kubernetes");
        var (exitCode, output, error) = await RunAsync("node", ["validate.mjs", .. files], workingDirectory: tool);
        return (exitCode == 0, output + error);
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, string[] arguments,
        string? workingDirectory = null, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? []) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not end within two minutes.");
        }
        return (process.ExitCode, await output, await error);
    }
}
