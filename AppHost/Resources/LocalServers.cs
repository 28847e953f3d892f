using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Resources;

/// <summary>
/// What every server the AppHost runs from Debian's packages has in common: where its data lives, which
/// port it takes, and which system user it runs as. There is no container engine here, so PostgreSQL,
/// RabbitMQ and maildev are Aspire executables rather than Aspire's container integrations.
/// </summary>
public static class LocalServers
{
    /// <summary>initdb, postgres and RabbitMQ refuse to run as root, or should not: they run as their package's user.</summary>
    public static bool RunningAsRoot { get; } = Environment.UserName == "root";

    /// <summary>
    /// Under Aspire.Hosting.Testing (<c>DcpPublisher:RandomizePorts</c>) every test run gets its own ports and data:
    /// Aspire randomizes only proxied endpoints, and ours are not proxied.
    /// </summary>
    public static bool IsUnderTest(this IDistributedApplicationBuilder builder) =>
        builder.Configuration.GetValue<bool>("DcpPublisher:RandomizePorts");

    /// <summary>The fixed port, or under test a free one the kernel picked.</summary>
    public static int PortFor(this IDistributedApplicationBuilder builder, int fixedPort) => builder.IsUnderTest() ? FreePort() : fixedPort;

    /// <summary>A port on loopback nothing listens on, as the kernel picks it.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>
    /// The data folder of one server: <c>.state/{name}</c> in the repository (or under <c>AppHost:StateDirectory</c>),
    /// kept across runs; under test a throwaway folder, deleted when the application stops.
    /// </summary>
    public static string StateDirectoryFor(this IDistributedApplicationBuilder builder, string name)
    {
        if (builder.IsUnderTest())
        {
            var throwaway = Path.Combine(Path.GetTempPath(), $"platform-{name}-{Guid.NewGuid():N}"[..40]);
            builder.Services.AddSingleton<IHostedService>(new DeleteWhenStopped(throwaway));
            return Directory.CreateDirectory(throwaway).FullName;
        }
        return Directory.CreateDirectory(Path.Combine(builder.StateRoot(), name)).FullName;
    }

    /// <summary>The folder that holds every server's data: <c>AppHost:StateDirectory</c>, else <c>.state</c> in the repository.</summary>
    public static string StateRoot(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["AppHost:StateDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.AppHostDirectory, "..", ".state"));

    /// <summary>The command line that runs <paramref name="file"/> as <paramref name="systemUser"/> when the AppHost is root.</summary>
    /// <remarks>setpriv execs in place, so the process Aspire watches (and signals) is the server itself.</remarks>
    public static string[] AsSystemUser(string systemUser, string file, params string[] arguments) =>
        RunningAsRoot ? ["setpriv", $"--reuid={systemUser}", $"--regid={systemUser}", "--init-groups", "--", file, .. arguments] : [file, .. arguments];

    /// <summary>Runs a short command to its end; its output, or an exception naming it when it fails.</summary>
    public static async Task<string> RunToEndAsync(string[] command, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command[1..]) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{Path.GetFileName(command[0])} exited with {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
    }

    /// <summary>Gives a folder to the server's user (when root), so the server can write its data there.</summary>
    public static async Task HandOverAsync(string folder, string systemUser, CancellationToken cancellationToken)
    {
        if (RunningAsRoot) await RunToEndAsync(["chown", "-R", $"{systemUser}:{systemUser}", folder], cancellationToken);
    }

    /// <summary>Deletes a test run's data folder once the application has stopped (the servers are gone by then).</summary>
    private sealed class DeleteWhenStopped(string folder) : LifecycleHook
    {
        public override Task StoppedAsync(CancellationToken cancellationToken)
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (DirectoryNotFoundException) { }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            return Task.CompletedTask;
        }
    }
}
