using Platform.Benchmarks;

// dotnet run -c Release --project tests/Platform.Benchmarks -- [messaging] [--events N] [--rate R] [--seconds S]
var benchmark = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "messaging";
int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;

switch (benchmark)
{
    case "messaging":
        await MessagingBenchmark.RunAsync(events: Option("--events", 3000), rate: Option("--rate", 500), seconds: Option("--seconds", 10));
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark {benchmark}. Known: messaging");
        return 2;
}
return 0;
