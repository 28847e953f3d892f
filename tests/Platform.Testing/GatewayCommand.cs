using System.Diagnostics;

namespace Platform.Testing;

/// <summary>Runs the operators' command (<c>Platform.Gateway partners ...</c>) against a running platform's gatewaydb.</summary>
public static class GatewayCommand
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>The value after <c>client_secret:</c> in the output.</summary>
        public string Secret => Output.Split('\n').Single(l => l.StartsWith("client_secret:", StringComparison.Ordinal))["client_secret:".Length..].Trim();
    }

    /// <summary>The built gateway, in the configuration the tests were built in.</summary>
    public static string AssemblyPath { get; } = Path.Combine(Repository.Root, "gateway", "bin",
        typeof(GatewayCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().SingleOrDefault()?.Configuration ?? "Debug",
        "net10.0", "Platform.Gateway.dll");

    public static async Task<Result> RunAsync(TestApplication app, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__gatewaydb"] = app.GetConnectionString("gatewaydb");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
