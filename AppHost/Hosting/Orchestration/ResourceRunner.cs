using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Hosting.Orchestration;

/// <summary>
/// Runs one executable resource for the life of the AppHost: waits for what it depends on, starts it,
/// probes its health, restarts it with backoff when it dies unexpectedly, and stops or starts it on request.
/// </summary>
internal sealed class ResourceRunner(ExecutableResource resource, AppHostContext context, ILogger logger, PidFiles pidFiles)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    private volatile bool _wantRunning = true;
    private volatile bool _restartRequested;
    private TaskCompletionSource _changed = NewSignal();

    public ExecutableResource Resource => resource;
    public ResourceLog Log { get; } = new(resource.Name, Path.Combine(context.LogsDirectory, resource.Name + ".log"));

    public async Task RunAsync(CancellationToken shutdown)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!shutdown.IsCancellationRequested)
        {
            if (!_wantRunning)
            {
                if (resource.State is not ResourceState.FailedToStart) resource.State = ResourceState.Stopped;
                await WhenChangedAsync(shutdown);
                continue;
            }

            resource.State = ResourceState.Waiting;
            if (!await WaitForDependenciesAsync(shutdown)) continue;

            resource.State = ResourceState.Starting;
            resource.Health = ResourceHealth.Unknown;
            resource.ExitCode = null;
            ProcessSpec spec;
            Process process;
            try
            {
                spec = await resource.PrepareAsync(context, shutdown);
                process = ProcessLauncher.Start(spec, Log);
                resource.Command = [spec.FileName, .. spec.Arguments];
                resource.Environment = spec.Environment;
            }
            catch (Exception ex) when (ex is ResourceStartException or System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
            {
                resource.State = ResourceState.FailedToStart;
                resource.LastError = ex.Message;
                logger.LogError("{Resource} failed to start: {Reason}", resource.Name, ex.Message);
                _wantRunning = false;
                continue;
            }

            using (process)
            {
                resource.Pid = process.Id;
                resource.StartedAt = DateTimeOffset.UtcNow;
                resource.State = ResourceState.Running;
                resource.LastError = null;
                pidFiles.Write(resource.Name, process);
                logger.LogInformation("{Resource} started (pid {Pid})", resource.Name, process.Id);

                using var probing = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
                var probe = ProbeHealthAsync(probing.Token);
                var outcome = await WaitForExitOrRequestAsync(process, shutdown);
                await probing.CancelAsync();
                await probe;

                if (outcome == Outcome.Exited)
                {
                    var ranFor = DateTimeOffset.UtcNow - resource.StartedAt.Value;
                    if (ranFor > StableAfter) backoff = TimeSpan.FromSeconds(1);
                    resource.ExitCode = process.ExitCode;
                    resource.State = ResourceState.Exited;
                    resource.Health = ResourceHealth.Unhealthy;
                    resource.Pid = null;
                    pidFiles.Delete(resource.Name);
                    await resource.AfterStopAsync(context);
                    resource.Restarts++;
                    logger.LogWarning("{Resource} exited unexpectedly with code {ExitCode}; restart {Restarts} in {Backoff} s. Last output:{NewLine}{Tail}",
                        resource.Name, process.ExitCode, resource.Restarts, backoff.TotalSeconds, Environment.NewLine, string.Join(Environment.NewLine, Log.Tail(15)));
                    await DelayUnlessChangedAsync(backoff, shutdown);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    continue;
                }

                resource.State = ResourceState.Stopping;
                logger.LogInformation("{Resource} stopping", resource.Name);
                await ProcessLauncher.StopAsync(process, resource.StopSignal, resource.StopTimeout);
                await resource.AfterStopAsync(context);
                pidFiles.Delete(resource.Name);
                resource.Pid = null;
                resource.Health = ResourceHealth.Unknown;
                resource.State = ResourceState.Stopped;
                logger.LogInformation("{Resource} stopped", resource.Name);
                if (_restartRequested)
                {
                    _restartRequested = false;
                    _wantRunning = true;
                }
            }
        }
    }

    /// <summary>Asks the resource to stop and waits until it has.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _wantRunning = false;
        Poke();
        while (resource.State is ResourceState.Running or ResourceState.Stopping or ResourceState.Starting)
            await Task.Delay(50, cancellationToken);
    }

    public void Start()
    {
        _wantRunning = true;
        Poke();
    }

    public void Restart()
    {
        if (resource.State is ResourceState.Running)
        {
            _restartRequested = true;
            _wantRunning = false;
        }
        else
        {
            _wantRunning = true;
        }
        Poke();
    }

    private enum Outcome { Exited, Requested }

    private async Task<Outcome> WaitForExitOrRequestAsync(Process process, CancellationToken shutdown)
    {
        var exited = process.WaitForExitAsync(CancellationToken.None);
        while (true)
        {
            var changed = _changed.Task;
            if (!_wantRunning || shutdown.IsCancellationRequested) return Outcome.Requested;
            var first = await Task.WhenAny(exited, changed, Task.Delay(Timeout.Infinite, shutdown));
            if (first == exited) return _wantRunning && !shutdown.IsCancellationRequested ? Outcome.Exited : Outcome.Requested;
        }
    }

    private async Task ProbeHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                bool healthy;
                try { healthy = await resource.CheckHealthAsync(timeout.Token); }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { healthy = false; }
                var health = healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy;
                if (health != resource.Health && (healthy || resource.Health == ResourceHealth.Healthy))
                    logger.LogInformation("{Resource} is {Health}", resource.Name, health);
                resource.Health = health;
                await Task.Delay(healthy ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task<bool> WaitForDependenciesAsync(CancellationToken shutdown)
    {
        var announced = false;
        while (resource.WaitsFor.Any(d => d.Health != ResourceHealth.Healthy))
        {
            if (!_wantRunning || shutdown.IsCancellationRequested) return false;
            if (!announced)
            {
                logger.LogDebug("{Resource} waits for {Dependencies}", resource.Name, string.Join(", ", resource.WaitsFor.Where(d => d.Health != ResourceHealth.Healthy).Select(d => d.Name)));
                announced = true;
            }
            await DelayUnlessChangedAsync(TimeSpan.FromMilliseconds(100), shutdown);
        }
        return _wantRunning && !shutdown.IsCancellationRequested;
    }

    private async Task DelayUnlessChangedAsync(TimeSpan delay, CancellationToken shutdown)
    {
        try { await Task.WhenAny(Task.Delay(delay, shutdown), _changed.Task); }
        catch (OperationCanceledException) { }
    }

    private async Task WhenChangedAsync(CancellationToken shutdown)
    {
        try { await _changed.Task.WaitAsync(shutdown); }
        catch (OperationCanceledException) { }
    }

    private void Poke() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
