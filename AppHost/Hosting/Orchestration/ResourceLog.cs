using System.Globalization;

namespace Platform.AppHost.Hosting.Orchestration;

/// <summary>
/// A resource's console output: appended to its log file (each line stamped with its time and stream)
/// and kept, bounded, in memory. At start it reads back the end of the file, so the console logs of
/// the last run are still there after an AppHost restart.
/// </summary>
public sealed class ResourceLog : IDisposable
{
    private static long _sequence;
    private readonly Queue<ConsoleLine> _lines = new();
    private readonly StreamWriter _file;
    private readonly Lock _lock = new();
    private readonly int _capacity;

    public ResourceLog(string resource, string filePath, int capacity = 2000)
    {
        (Resource, FilePath, _capacity) = (resource, filePath, capacity);
        foreach (var line in ReadTail(filePath, capacity)) Keep(line);
        _file = new StreamWriter(new FileStream(filePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public string Resource { get; }
    public string FilePath { get; }

    public void Append(string text, bool isError = false)
    {
        lock (_lock)
        {
            var line = new ConsoleLine(Interlocked.Increment(ref _sequence), DateTime.UtcNow, Resource, text, isError);
            _file.WriteLine($"{line.At:O} {(isError ? "err" : "out")} {text}");
            Keep(line);
        }
    }

    private void Keep(ConsoleLine line)
    {
        _lines.Enqueue(line);
        if (_lines.Count > _capacity) _lines.Dequeue();
    }

    public IReadOnlyList<string> Tail(int count)
    {
        lock (_lock) return _lines.TakeLast(count).Select(l => l.Text).ToList();
    }

    /// <summary>Lines after <paramref name="afterSequence"/> (0: all that are kept), oldest first.</summary>
    public IReadOnlyList<ConsoleLine> Lines(long afterSequence = 0)
    {
        lock (_lock) return _lines.Where(l => l.Sequence > afterSequence).ToList();
    }

    private IEnumerable<ConsoleLine> ReadTail(string path, int count)
    {
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        // The end of the file is enough: at most ~count lines of up to 2 KB.
        stream.Seek(Math.Max(0, stream.Length - count * 2048L), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines.TakeLast(count).Select(Parse).OfType<ConsoleLine>().ToList();
    }

    private ConsoleLine? Parse(string line)
    {
        var parts = line.Split(' ', 3);
        if (parts.Length < 3 || !DateTime.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)) return null;
        return new ConsoleLine(Interlocked.Increment(ref _sequence), at, Resource, parts[2], parts[1] == "err");
    }

    public void Dispose()
    {
        lock (_lock) _file.Dispose();
    }
}

/// <summary>One line a resource wrote to stdout or stderr; the sequence orders lines across resources.</summary>
public sealed record ConsoleLine(long Sequence, DateTime At, string Resource, string Text, bool IsError);
