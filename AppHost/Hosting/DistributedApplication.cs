using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Dashboard;
using Platform.AppHost.Hosting.Orchestration;
using Platform.AppHost.Hosting.Resources;
using Platform.AppHost.Hosting.Testing;
using Platform.AppHost.Telemetry.Store;

namespace Platform.AppHost.Hosting;

/// <summary>
/// Our own orchestrator with Aspire's contract: starts every resource in dependency order, watches and
/// restarts them, serves the dashboard API, and stops everything in reverse order.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly DistributedApplicationBuilder _builder;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly List<ResourceRunner> _runners;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PidFiles _pidFiles;
    private readonly List<Task> _running = [];
    private FileStream? _stateLock;
    private DashboardServer? _dashboard;
    private TelemetryArchive? _archive;
    private int _stopping;

    public static DistributedApplicationBuilder CreateBuilder(string[] args) =>
        new(args, DistributedApplicationTestingBuilder.CurrentOptions ?? new DistributedApplicationOptions());

    internal DistributedApplication(DistributedApplicationBuilder builder, AppHostContext context)
    {
        _builder = builder;
        Context = context;
        _loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss "; })
            .SetMinimumLevel(LogLevel.Information));
        _logger = _loggerFactory.CreateLogger("AppHost");
        _pidFiles = new PidFiles(context.StateDirectory);
        _runners = builder.Resources.OfType<ExecutableResource>()
            .Select(r => new ResourceRunner(r, context, _loggerFactory.CreateLogger($"AppHost.{r.Name}"), _pidFiles))
            .ToList();
        Telemetry = new TelemetryStore(builder.Options.TelemetryLimits, _archive = new TelemetryArchive(Path.Combine(context.StateDirectory, "telemetry.db"), builder.Options.TelemetryLimits));
        DashboardToken = builder.Options.DashboardToken ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    }

    public AppHostContext Context { get; }
    public IReadOnlyList<Resource> Resources => _builder.Resources;
    public string DashboardToken { get; }
    /// <summary>What the OTLP receiver has accepted: spans, structured logs and metrics per resource.</summary>
    public TelemetryStore Telemetry { get; }
    public string DashboardUrl => _builder.Dashboard.GetEndpoint("http").Url;

    public Resource GetResource(string name) =>
        Resources.SingleOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"No resource named {name}.");

    public string GetEndpoint(string resource, string endpoint = "http") => GetResource(resource).GetEndpoint(endpoint).Url;

    public string GetConnectionString(string name) =>
        Resources.OfType<IResourceWithConnectionString>().Cast<IResourceWithConnectionString>()
            .Concat(Resources.OfType<PostgresServerResource>().SelectMany(s => s.Databases))
            .Single(r => r.ConnectionStringName == name).ConnectionString;

    public ResourceLog GetLog(string resource) => Runner(resource).Log;

    /// <summary>Console output of one resource, or of all interleaved in time, after <paramref name="afterSequence"/>.</summary>
    public IReadOnlyList<ConsoleLine> ConsoleLogs(string? resource = null, long afterSequence = 0) =>
        _runners.Where(r => resource is null || r.Resource.Name == resource)
            .SelectMany(r => r.Log.Lines(afterSequence))
            .OrderBy(l => l.At).ThenBy(l => l.Sequence)
            .ToList();

    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Starts everything, then runs until Ctrl+C or SIGTERM and stops everything.</summary>
    public async Task RunAsync()
    {
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            await StartAsync();
        }
        catch (AppHostStartException ex)
        {
            _logger.LogCritical("{Message}", ex.Message);
            Environment.ExitCode = 1;
            await StopAsync();
            return;
        }
        if (_builder.Options.PrintSummary) _ = PrintSummaryWhenReadyAsync();
        await _stopped.Task;
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _ = StopAsync();
    }

    /// <summary>Checks the ground (state lock, leftovers, ports), starts the dashboard and every resource; returns without waiting for health.</summary>
    public async Task StartAsync()
    {
        AcquireStateLock();
        foreach (var orphan in _pidFiles.KillOrphans())
            _logger.LogWarning("Ended {Orphan}, left running by an AppHost that did not stop cleanly", orphan);
        foreach (var rabbit in Resources.OfType<RabbitMQServerResource>()) await rabbit.AfterStopAsync(Context);
        CheckPortsAreFree();

        Telemetry.Restore(_archive!);
        _dashboard = new DashboardServer(this, _builder.Dashboard);
        await _dashboard.StartAsync();
        _builder.Dashboard.State = ResourceState.Running;
        _builder.Dashboard.Health = ResourceHealth.Healthy;
        _builder.Dashboard.StartedAt = DateTimeOffset.UtcNow;
        _builder.Dashboard.Pid = Environment.ProcessId;

        foreach (var runner in _runners) _running.Add(Task.Run(() => runner.RunAsync(_shutdown.Token)));
        _logger.LogInformation("Starting {Count} resources; state in {StateDirectory}", _builder.Resources.Count, Context.StateDirectory);
    }

    /// <summary>Waits until every resource is Running and Healthy (or one failed to start).</summary>
    public async Task WaitForHealthyAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!Resources.All(r => r.State == ResourceState.Running && r.Health == ResourceHealth.Healthy))
        {
            if (Resources.FirstOrDefault(r => r.State == ResourceState.FailedToStart) is { } failed)
                throw new AppHostStartException($"{failed.Name} failed to start: {failed.LastError}");
            if (cts.IsCancellationRequested)
                throw new TimeoutException("Not every resource became healthy in time: " +
                    string.Join(", ", Resources.Where(r => r.Health != ResourceHealth.Healthy).Select(r => $"{r.Name} {r.State}/{r.Health}")) +
                    Environment.NewLine + string.Join(Environment.NewLine, _runners.Where(r => r.Resource.Health != ResourceHealth.Healthy).SelectMany(r => r.Log.Tail(20).Select(l => $"  [{r.Resource.Name}] {l}"))));
            await Task.Delay(100);
        }
    }

    public Task StopResourceAsync(string name) => Runner(name).StopAsync();
    public void StartResource(string name) => Runner(name).Start();
    public void RestartResource(string name) => Runner(name).Restart();

    /// <summary>Stops everything, dependants before what they depend on, and leaves no process behind.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            await _stopped.Task;
            return;
        }
        try
        {
            _logger.LogInformation("Stopping");
            foreach (var layer in StopOrder()) await Task.WhenAll(layer.Select(r => r.StopAsync()));
            await _shutdown.CancelAsync();
            await Task.WhenAll(_running);
            if (_dashboard is not null) await _dashboard.DisposeAsync();
            if (_archive is not null) await _archive.DisposeAsync();
            _builder.Dashboard.State = ResourceState.Stopped;
            foreach (var runner in _runners) runner.Log.Dispose();
            _stateLock?.Dispose();
            _logger.LogInformation("Stopped");
        }
        finally
        {
            _loggerFactory.Dispose();
            _stopped.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Layers of runners: those nothing depends on first, the infrastructure last.</summary>
    private List<List<ResourceRunner>> StopOrder()
    {
        var remaining = _runners.ToList();
        var layers = new List<List<ResourceRunner>>();
        while (remaining.Count > 0)
        {
            var layer = remaining.Where(r => !remaining.Any(o => o != r && (o.Resource.WaitsFor.Contains(r.Resource) || o.Resource.References.Contains(r.Resource)))).ToList();
            if (layer.Count == 0) layer = remaining.ToList();
            layers.Add(layer);
            remaining.RemoveAll(layer.Contains);
        }
        return layers;
    }

    private ResourceRunner Runner(string name) =>
        _runners.SingleOrDefault(r => r.Resource.Name == name) ?? throw new KeyNotFoundException($"No resource named {name} can be started or stopped.");

    /// <summary>One AppHost per state folder: a second one would fight the first over its servers' data.</summary>
    private void AcquireStateLock()
    {
        var ownerFile = Path.Combine(Context.StateDirectory, "apphost.pid");
        try
        {
            _stateLock = new FileStream(Path.Combine(Context.StateDirectory, "apphost.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(ownerFile, Environment.ProcessId.ToString());
        }
        catch (IOException)
        {
            var owner = File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : "?";
            throw new AppHostStartException($"Another AppHost (pid {owner}) is running on the state folder {Context.StateDirectory}. Stop it first (Ctrl+C in its terminal, or kill -TERM {owner}).");
        }
    }

    private void CheckPortsAreFree()
    {
        foreach (var resource in Resources)
        foreach (var port in resource.Ports)
        {
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            }
            catch (SocketException)
            {
                throw new AppHostStartException($"Port {port} ({resource.Name}) is already in use on 127.0.0.1. Is another AppHost running? " +
                    $"See what holds it with: ss -ltnp 'sport = :{port}'");
            }
        }
    }

    private async Task PrintSummaryWhenReadyAsync()
    {
        try
        {
            await WaitForHealthyAsync(TimeSpan.FromMinutes(5));
        }
        catch (Exception ex) when (ex is TimeoutException or AppHostStartException)
        {
            _logger.LogError("{Message}", ex.Message);
        }
        if (_stopping == 1) return;
        Console.WriteLine();
        Console.WriteLine(ResourceTable.Render(Resources));
        Console.WriteLine($"Dashboard login: {DashboardUrl}/login?t={DashboardToken}");
        Console.WriteLine($"Resource API:    curl -H 'Authorization: Bearer {DashboardToken}' {DashboardUrl}/api/resources");
        Console.WriteLine("Press Ctrl+C to stop everything.");
        Console.WriteLine();
    }
}

/// <summary>The AppHost cannot start at all (port taken, state folder in use); the message says why.</summary>
public sealed class AppHostStartException(string message) : Exception(message);
