using System.Diagnostics;
using Platform.Testing.Ledger;

namespace Platform.Benchmarks;

/// <summary>
/// The ledger's one-at-a-time consumer in a process of its own (this program, mode <c>ledger-consumer</c>), so
/// that the faults benchmark can kill it for real, mid-message, as an operating system would.
/// </summary>
public sealed class LedgerConsumerProcess
{
    private const string ReadyLine = "ledger-consumer ready";
    private readonly Process _process;
    private volatile bool _ready;

    private LedgerConsumerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => { if (line.Data == ReadyLine) _ready = true; };
        _process.BeginOutputReadLine();
    }

    public bool IsReady => _ready && !_process.HasExited;

    public static LedgerConsumerProcess Start(string database, Uri broker)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        // Run as "dotnet Platform.Benchmarks.dll" or as the app host: either way, this program again.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(LedgerConsumerProcess).Assembly.Location);
        foreach (var argument in new[] { "ledger-consumer", database, broker.ToString() }) start.ArgumentList.Add(argument);
        return new LedgerConsumerProcess(Process.Start(start)!);
    }

    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>The child's side: consume until killed.</summary>
    public static async Task RunAsync(string database, Uri broker)
    {
        await using var consumer = new LedgerService(database, broker, withConsumer: true, ordered: true);
        await consumer.StartAsync();
        Console.WriteLine(ReadyLine);
        await Task.Delay(Timeout.Infinite);
    }
}
