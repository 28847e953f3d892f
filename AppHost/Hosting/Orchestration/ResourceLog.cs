namespace Platform.AppHost.Hosting.Orchestration;

/// <summary>A resource's console output: appended to its log file and kept, bounded, in memory.</summary>
public sealed class ResourceLog(string filePath, int capacity = 2000) : IDisposable
{
    private readonly Queue<string> _lines = new();
    private readonly StreamWriter _file = new(new FileStream(filePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    private readonly Lock _lock = new();

    public string FilePath { get; } = filePath;

    public void Append(string line)
    {
        lock (_lock)
        {
            _file.WriteLine(line);
            _lines.Enqueue(line);
            if (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    public IReadOnlyList<string> Tail(int count)
    {
        lock (_lock) return _lines.TakeLast(count).ToList();
    }

    public void Dispose()
    {
        lock (_lock) _file.Dispose();
    }
}
