using System.Net;
using System.Net.Sockets;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Resources;
using Platform.AppHost.Hosting.Testing;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>How the AppHost starts, fails and stops: each test builds its own model on free ports.</summary>
public sealed class AppHostLifecycleTests
{
    [Fact]
    public async Task Stopping_the_platform_leaves_no_process_behind_and_frees_every_port()
    {
        var app = DistributedApplicationTestingBuilder.Create(typeof(Projects.Meetings).Assembly);
        await app.StartAsync();
        await app.WaitForHealthyAsync(TimeSpan.FromMinutes(3));
        var pids = app.Resources.OfType<ExecutableResource>().SelectMany(r => ProcessTree.Of(r.Pid!.Value)).ToList();
        var ports = app.Resources.SelectMany(r => r.Ports).ToList();
        Assert.True(pids.Count >= 8, $"expected a process per executable resource, found {pids.Count}");

        await app.StopAsync();

        Assert.All(app.Resources.OfType<ExecutableResource>(), r => Assert.Equal(ResourceState.Stopped, r.State));
        Assert.DoesNotContain(pids, ProcessTree.IsAlive);
        // Listening is what matters: the test assemblies run side by side, and another one's client
        // connection may borrow a freed ephemeral port, which a bind probe would mistake for a leak.
        var stillListening = ProcessTree.ListeningPorts();
        Assert.All(ports, port => Assert.False(stillListening.Contains(port), $"port {port} is still listening"));
        Directory.Delete(app.Context.StateDirectory, recursive: true);
    }

    [Fact]
    public async Task A_port_in_use_stops_the_apphost_at_once_with_a_message_naming_the_port()
    {
        var builder = DistributedApplicationTestingBuilder.CreateBuilder();
        var smtp = builder.AddMailDev("smtp", 0, 0);
        await using var app = builder.Build();
        var taken = smtp.Resource.GetEndpoint("smtp").Port;
        using var squatter = new TcpListener(IPAddress.Loopback, taken);
        squatter.Start();

        var error = await Assert.ThrowsAsync<AppHostStartException>(app.StartAsync);

        Assert.Contains($"Port {taken} (smtp)", error.Message);
        Assert.Null(smtp.Resource.Pid);
    }

    [Fact]
    public async Task A_second_apphost_on_the_same_state_folder_is_refused_with_the_first_ones_pid()
    {
        var state = Path.Combine(Path.GetTempPath(), "platform-test-" + Guid.NewGuid().ToString("N")[..12]);
        await using var first = DistributedApplicationTestingBuilder.CreateBuilder(state).Build();
        await first.StartAsync();
        await using var second = DistributedApplicationTestingBuilder.CreateBuilder(state).Build();

        var error = await Assert.ThrowsAsync<AppHostStartException>(second.StartAsync);

        Assert.Contains($"Another AppHost (pid {Environment.ProcessId})", error.Message);
    }

    [Fact]
    public async Task A_postgres_data_folder_from_another_major_version_fails_to_start_with_what_to_do()
    {
        var builder = DistributedApplicationTestingBuilder.CreateBuilder();
        var postgres = builder.AddPostgres("postgres", 0);
        await using var app = builder.Build();
        var data = Directory.CreateDirectory(Path.Combine(app.Context.StateDirectory, "postgres", "data")).FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "PG_VERSION"), "9.6\n");

        await app.StartAsync();
        await Eventually.WatchAsync(() => postgres.Resource.State, s => s == ResourceState.FailedToStart, TimeSpan.FromSeconds(30), "postgres to fail");

        Assert.Contains("made by PostgreSQL 9.6", postgres.Resource.LastError);
        Assert.Contains("Move it away", postgres.Resource.LastError);
        Assert.True(File.Exists(Path.Combine(data, "PG_VERSION")), "the old data must be left alone");
    }

    [Fact]
    public async Task A_stale_postgres_pid_file_from_a_crashed_run_does_not_stop_the_server_starting()
    {
        var builder = DistributedApplicationTestingBuilder.CreateBuilder();
        var postgres = builder.AddPostgres("postgres", 0);
        var state = builder.Options.StateDirectory!;
        await using (var firstRun = builder.Build())
        {
            await firstRun.StartAsync();
            await Eventually.WatchAsync(() => postgres.Resource.Health, h => h == ResourceHealth.Healthy, TimeSpan.FromSeconds(60), "postgres to start");
        }
        // What a power cut leaves: postmaster.pid naming a process that no longer exists.
        var pidFile = Path.Combine(state, "postgres", "data", "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, "999999\n" + Path.GetDirectoryName(pidFile) + "\n1700000000\n1\n\n\n\n");

        var again = DistributedApplicationTestingBuilder.CreateBuilder(state);
        var restarted = again.AddPostgres("postgres", 0);
        await using var secondRun = again.Build();
        await secondRun.StartAsync();

        await Eventually.WatchAsync(() => restarted.Resource.Health, h => h == ResourceHealth.Healthy, TimeSpan.FromSeconds(60), "postgres to start over a stale pid file");
        Assert.Equal(0, restarted.Resource.Restarts);
    }

    [Fact]
    public async Task A_project_that_was_not_built_fails_to_start_and_says_how_to_build_it()
    {
        var builder = DistributedApplicationTestingBuilder.CreateBuilder();
        var missing = builder.AddProject<NotBuilt>("ghost", 0);
        await using var app = builder.Build();

        await app.StartAsync();
        await Eventually.WatchAsync(() => missing.Resource.State, s => s == ResourceState.FailedToStart, TimeSpan.FromSeconds(10), "ghost to fail");

        Assert.Contains("build the solution first", missing.Resource.LastError);
    }

    private sealed class NotBuilt : IProjectMetadata
    {
        public static string ProjectDirectory => "services/NotBuilt";
        public static string AssemblyName => "Platform.NotBuilt";
    }
}
