using Microsoft.AspNetCore.Components;

namespace Platform.AppHost.Dashboard.Components.Shared;

/// <summary>
/// A page that shows the platform as it is now: it reads its data again every second and re-renders,
/// so states, logs and traces move without a reload. A paused page keeps what it shows.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    protected virtual TimeSpan Interval => TimeSpan.FromSeconds(1);
    protected bool Paused { get; set; }

    /// <summary>Reads what the page shows (called on the renderer's thread).</summary>
    protected abstract void Refresh();

    protected override void OnParametersSet() => Refresh();

    protected override void OnInitialized() => _ = TickAsync();

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (Paused) continue;
                await InvokeAsync(() =>
                {
                    Refresh();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) { }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
