using Platform.Benchmarks;

// dotnet run -c Release --project tests/Platform.Benchmarks -- messaging [--events N] [--concurrency C] [--rate R] [--seconds S] [--fault-events N]
// dotnet run -c Release --project tests/Platform.Benchmarks -- gateway [--seconds S] [--concurrency C] [--rounds R]
// dotnet run -c Release --project tests/Platform.Benchmarks -- notifications [--invitees N] [--rounds R]
// dotnet run -c Release --project tests/Platform.Benchmarks -- duplicate-check [--people N] [--services N] [--checks N] [--january-first-percent P]
// dotnet run -c Release --project tests/Platform.Benchmarks -- duplicate-check-batch [--people N] [--services N] [--entries N] [--rounds R]
// dotnet run -c Release --project tests/Platform.Benchmarks -- name-matcher [--rounds N]
var benchmark = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "messaging";
int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;

switch (benchmark)
{
    case "messaging":
        await MessagingBenchmark.RunAsync(events: Option("--events", 30_000), concurrency: Option("--concurrency", 32), rate: Option("--rate", 1000),
            seconds: Option("--seconds", 30), faultEvents: Option("--fault-events", 3000));
        break;
    case "ledger-consumer":
        // The faults benchmark's consumer process (see LedgerConsumerProcess).
        await LedgerConsumerProcess.RunAsync(args[1], new Uri(args[2]));
        break;
    case "gateway":
        await GatewayBenchmark.RunAsync(seconds: Option("--seconds", 5), concurrency: Option("--concurrency", 32), rounds: Option("--rounds", 3));
        break;
    case "notifications":
        await NotificationsBenchmark.RunAsync(invitees: Option("--invitees", 200), rounds: Option("--rounds", 3));
        break;
    case "duplicate-check":
        await DuplicateCheckBenchmark.RunAsync(people: Option("--people", 100_000), services: Option("--services", 1_000_000), checks: Option("--checks", 1000), januaryFirstPercent: Option("--january-first-percent", 20));
        break;
    case "duplicate-check-batch":
        await DuplicateCheckBatchBenchmark.RunAsync(people: Option("--people", 100_000), services: Option("--services", 1_000_000), entries: Option("--entries", 1000), rounds: Option("--rounds", 5));
        break;
    case "name-matcher":
        NameMatcherBenchmark.Run(rounds: Option("--rounds", 20));
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark {benchmark}. Known: messaging, gateway, notifications, duplicate-check, duplicate-check-batch, name-matcher");
        return 2;
}
return 0;
