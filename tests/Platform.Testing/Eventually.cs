namespace Platform.Testing;

/// <summary>Waits for something that happens asynchronously (a message consumed, a process restarted).</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> until, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T value;
        while (!until(value = await probe()))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}; last value: {value}");
            await Task.Delay(100);
        }
        return value;
    }

    /// <summary>Watches a value that changes in place (a resource's state, say).</summary>
    public static Task<T> WatchAsync<T>(Func<T> probe, Func<T, bool> until, TimeSpan? timeout = null, string? what = null) =>
        GetAsync(() => Task.FromResult(probe()), until, timeout, what);
}
