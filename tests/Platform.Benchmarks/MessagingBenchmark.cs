using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.Outbox;
using Platform.Testing;
using Platform.Testing.Ledger;
using Platform.Testing.Ledger.Contracts;

namespace Platform.Benchmarks;

/// <summary>
/// Events through outbox -> broker -> inbox, beside MassTransit publishing directly to the same
/// idempotent consumer, in one run on real local servers; then commit-to-consume latency at a steady rate.
/// </summary>
public static class MessagingBenchmark
{
    public static async Task RunAsync(int events, int rate, int seconds)
    {
        var servers = new InfrastructureServers();
        await servers.InitializeAsync();
        try
        {
            Console.WriteLine($"messaging benchmark on {servers.Source}; {Environment.ProcessorCount} cores");

            var direct = await ThroughputAsync(servers, "direct", events, async service =>
            {
                var bus = service.Services.GetRequiredService<IBus>();
                await Parallel.ForEachAsync(Enumerable.Range(0, events), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                    async (i, _) => await bus.Publish(new AccountCredited { AccountId = Guid.NewGuid(), Sequence = 1 }));
            });
            var outbox = await ThroughputAsync(servers, "outbox", events, async service =>
                await Parallel.ForEachAsync(Enumerable.Range(0, events), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                    async (i, _) => await service.CreditAsync(Guid.NewGuid())));
            Console.WriteLine($"throughput  direct publish: {direct:F0} events/s   outbox: {outbox:F0} events/s   ratio outbox/direct: {outbox / direct:F2}");

            await LatencyAsync(servers, rate, seconds);
        }
        finally
        {
            await servers.DisposeAsync();
        }
    }

    /// <summary>Events per second from the first send to the last one consumed (side effect committed).</summary>
    private static async Task<double> ThroughputAsync(InfrastructureServers servers, string name, int events, Func<LedgerService, Task> send)
    {
        await using var service = new LedgerService(await servers.CreateDatabaseAsync($"bench_{name}"), await servers.CreateVirtualHostAsync($"bench-{name}"), ordered: false);
        await service.StartAsync();
        var clock = Stopwatch.StartNew();
        await send(service);
        await Eventually.GetAsync(() => service.QueryAsync(db => db.CreditsSeen.CountAsync()), n => n >= events, TimeSpan.FromMinutes(5), $"{events} {name} events");
        return events / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Commits paced at <paramref name="rate"/> per second; latency from the outbox row's commit time to the consumer's commit.</summary>
    private static async Task LatencyAsync(InfrastructureServers servers, int rate, int seconds)
    {
        await using var service = new LedgerService(await servers.CreateDatabaseAsync("bench_latency"), await servers.CreateVirtualHostAsync("bench-latency"), ordered: false);
        await service.StartAsync();
        var total = rate * seconds;
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            sends.Add(service.CreditAsync(Guid.NewGuid()));
        }
        await Task.WhenAll(sends);
        var offered = total / clock.Elapsed.TotalSeconds;
        await Eventually.GetAsync(() => service.QueryAsync(db => db.CreditsSeen.CountAsync()), n => n >= total, TimeSpan.FromMinutes(5), "all paced events");
        var latencies = await service.QueryAsync(db =>
            (from seen in db.CreditsSeen join row in db.Set<OutboxMessage>() on seen.MessageId equals row.Id select new { row.CreatedAt, seen.SeenAt })
            .ToListAsync());
        var ms = latencies.Select(l => (l.SeenAt - l.CreatedAt).TotalMilliseconds).Order().ToArray();
        Console.WriteLine($"latency at {offered:F0} events/s offered ({total} events): commit->consume p50 {Percentile(ms, 50):F1} ms  p99 {Percentile(ms, 99):F1} ms  max {ms[^1]:F1} ms");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
