using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Platform.AppHost.Resources.Postgres;
using Platform.AppHost.Resources;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>How the AppHost and its servers start, fail and stop: each test builds its own application on free ports.</summary>
public sealed class AppHostLifecycleTests
{
    [Fact]
    public async Task Stopping_the_platform_leaves_no_process_behind_and_frees_every_port()
    {
        var app = await TestApplication.StartAsync(TestApplication.Quiet(await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>()));
        var resources = new[] { "postgres", "messaging", "smtp", "meetings", "cases", "livelihoods", "notifications", "gateway" };
        var pids = resources.SelectMany(r => ProcessSignals.TreeOf(app.ProcessId(r) ?? throw new InvalidOperationException($"{r} has no process"))).ToList();
        var ports = resources.SelectMany(r => app.Resource<IResourceWithEndpoints>(r).Annotations.OfType<EndpointAnnotation>().Select(e => e.Port!.Value)).ToList();
        Assert.True(pids.Count >= resources.Length, $"expected a process per resource, found {pids.Count}");

        await app.DisposeAsync();

        await Eventually.WatchAsync(() => pids.Where(ProcessSignals.IsAlive).ToList(), alive => alive.Count == 0, TimeSpan.FromSeconds(10), "every process to end");
        // Listening is what matters: the test assemblies run side by side, and another one's client
        // connection may borrow a freed ephemeral port, which a bind probe would mistake for a leak.
        var stillListening = ListeningPorts.Now();
        Assert.All(ports, port => Assert.False(stillListening.Contains(port), $"port {port} is still listening"));
    }

    [Fact]
    public async Task A_postgres_data_folder_from_another_major_version_fails_to_start_and_is_left_alone()
    {
        var builder = TestApplication.Servers();
        var postgres = builder.AddLocalPostgres("postgres", builder.AddGeneratedSecret("postgres-password"), port: 55432);
        var data = Directory.CreateDirectory(postgres.Resource.DataDirectory).FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "PG_VERSION"), "9.6\n");
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await app.StartAsync(timeout.Token);
        var failed = await app.ResourceNotifications.WaitForResourceAsync("postgres", [KnownResourceStates.FailedToStart], timeout.Token);

        Assert.Equal(KnownResourceStates.FailedToStart, failed);
        Assert.Equal("9.6", (await File.ReadAllTextAsync(Path.Combine(data, "PG_VERSION"))).Trim());
        Assert.False(File.Exists(Path.Combine(data, "postmaster.pid")), "no server may have run on the old data");
    }

    [Fact]
    public async Task A_stale_postgres_pid_file_from_a_crashed_run_does_not_stop_the_server_starting_again()
    {
        var builder = TestApplication.Servers();
        var postgres = builder.AddLocalPostgres("postgres", builder.AddGeneratedSecret("postgres-password"), port: 55432);
        await using var app = await TestApplication.StartAsync(builder);
        await app.StopResourceAsync("postgres");
        // What a power cut leaves: postmaster.pid naming a process that no longer exists.
        var pidFile = Path.Combine(postgres.Resource.DataDirectory, "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, "999999\n" + postgres.Resource.DataDirectory + "\n1700000000\n1\n\n\n\n");

        await app.StartResourceAsync("postgres");

        Assert.Equal(KnownResourceStates.Running, app.Snapshot("postgres").State?.Text);
    }
}
