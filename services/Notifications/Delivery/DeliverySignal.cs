namespace Platform.Notifications.Delivery;

/// <summary>
/// Wakes every sender when new mail is committed, instead of letting it wait for its next poll. A sender
/// remembers the <see cref="Generation"/> it saw before it looked for mail, so a nudge that comes between its
/// empty look and its wait is not lost.
/// </summary>
public sealed class DeliverySignal
{
    private readonly Lock _lock = new();
    private long _generation;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Generation
    {
        get { lock (_lock) return _generation; }
    }

    public void Notify()
    {
        TaskCompletionSource fired;
        lock (_lock)
        {
            _generation++;
            fired = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        fired.TrySetResult();
    }

    /// <summary>Returns at once if there was a nudge since <paramref name="seen"/>, else at the next one or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(long seen, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task next;
        lock (_lock)
        {
            if (_generation != seen) return;
            next = _next.Task;
        }
        try { await next.WaitAsync(timeout, cancellationToken); }
        catch (TimeoutException) { }
    }
}
