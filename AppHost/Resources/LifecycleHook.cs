using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Resources;

/// <summary>
/// A hosted service that acts at one or two moments of the AppHost's life; the others do nothing.
/// Aspire's orchestrator returns from StartAsync only once every resource has started, so what must run
/// during the start itself overrides <see cref="StartingAsync"/>.
/// </summary>
public abstract class LifecycleHook : IHostedLifecycleService
{
    public virtual Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public virtual Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public virtual Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public virtual Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public virtual Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public virtual Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
