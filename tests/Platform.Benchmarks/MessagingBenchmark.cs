using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Platform.AppHost.Resources;
using Platform.AppHost.Resources.RabbitMQ;
using Platform.Messaging.Outbox;
using Platform.Testing;
using Platform.Testing.Ledger;

namespace Platform.Benchmarks;

/// <summary>
/// The messaging backbone on real local servers, in one run:
/// <list type="number">
/// <item>throughput: the same business transaction at the same concurrency, once with its event through
/// outbox -> broker -> inbox, once published directly (with the broker's confirm) after the commit;</item>
/// <item>commit-to-consume latency at a steady offered rate, split into the relay's lag and the consumer's;</item>
/// <item>exactly once and in order under faults: a stream to one aggregate-ordered consumer in a process of its
/// own, while the broker is restarted and the consumer process is killed.</item>
/// </list>
/// Ends with one summary line.
/// </summary>
public static class MessagingBenchmark
{
    public static async Task RunAsync(int events, int concurrency, int rate, int seconds, int faultEvents)
    {
        var servers = new InfrastructureServers();
        await servers.InitializeAsync();
        try
        {
            Console.WriteLine($"messaging benchmark on {servers.Source}; {Environment.ProcessorCount} cores; {events} events per path at {concurrency} in flight");
            var direct = await ThroughputAsync(servers, "direct", events, concurrency, (service, account) => service.CreditDirectAsync(account));
            var outbox = await ThroughputAsync(servers, "outbox", events, concurrency, (service, account) => service.CreditAsync(account));
            Console.WriteLine($"throughput  direct: {direct:F0} events/s   outbox: {outbox:F0} events/s   ratio outbox/direct: {outbox / direct:F2}");

            var latency = await LatencyAsync(servers, rate, seconds);
            var faults = await FaultsAsync(servers, faultEvents);
            Console.WriteLine($"messaging: outbox {outbox:F0} events/s, direct {direct:F0} events/s, ratio {outbox / direct:F2}, " +
                $"p50 {latency.P50:F1} ms, p99 {latency.P99:F1} ms at {rate}/s, lost {faults.Lost}, duplicated {faults.Duplicated}, out of order {faults.OutOfOrder}");
        }
        finally
        {
            await servers.DisposeAsync();
        }
    }

    /// <summary>Events per second from the first commit to the last side effect committed by the consumer.</summary>
    private static async Task<double> ThroughputAsync(InfrastructureServers servers, string name, int events, int concurrency, Func<LedgerService, Guid, Task> credit)
    {
        await using var service = new LedgerService(await servers.CreateDatabaseAsync($"bench_{name}"), await servers.CreateVirtualHostAsync($"bench-{name}"), ordered: false);
        await service.StartAsync();
        // Warm up (JIT, pools, the consumer's prefetch) outside the clock.
        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) => await credit(service, Guid.NewGuid()));
        await Eventually.GetAsync(() => service.QueryAsync(db => db.CreditsSeen.CountAsync()), n => n >= 500, TimeSpan.FromMinutes(2), "the warm-up");
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, events), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) => await credit(service, Guid.NewGuid()));
        var committed = clock.Elapsed;
        await Eventually.GetAsync(() => service.QueryAsync(db => db.CreditsSeen.CountAsync()), n => n >= events + 500, TimeSpan.FromMinutes(10), $"{events} {name} events");
        var rate = events / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {name}: {events} committed in {committed.TotalSeconds:F1} s, all consumed after {clock.Elapsed.TotalSeconds:F1} s: {rate:F0} events/s");
        return rate;
    }

    private sealed record Latency(double P50, double P99);

    /// <summary>Commits paced at <paramref name="rate"/> per second; lag from the outbox row's commit to the consumer's commit.</summary>
    private static async Task<Latency> LatencyAsync(InfrastructureServers servers, int rate, int seconds)
    {
        await using var service = new LedgerService(await servers.CreateDatabaseAsync("bench_latency"), await servers.CreateVirtualHostAsync("bench-latency"), ordered: false);
        await service.StartAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) => await service.CreditAsync(Guid.NewGuid()));
        await Eventually.GetAsync(() => service.QueryAsync(db => db.CreditsSeen.CountAsync()), n => n >= 200, TimeSpan.FromMinutes(2), "the warm-up");
        var start = DateTimeOffset.UtcNow;
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
        await Eventually.GetAsync(() => service.QueryAsync(db => db.CreditsSeen.CountAsync()), n => n >= total + 200, TimeSpan.FromMinutes(5), "all paced events");
        var rows = await service.QueryAsync(db =>
            (from seen in db.CreditsSeen join row in db.Set<OutboxMessage>() on seen.MessageId equals row.Id
             where row.CreatedAt >= start
             select new { row.CreatedAt, seen.SentAt, seen.SeenAt }).ToListAsync());
        var total_ = rows.Select(l => (l.SeenAt - l.CreatedAt).TotalMilliseconds).Order().ToArray();
        var relay = rows.Where(l => l.SentAt is not null).Select(l => (l.SentAt!.Value - l.CreatedAt).TotalMilliseconds).Order().ToArray();
        var consumer = rows.Where(l => l.SentAt is not null).Select(l => (l.SeenAt - l.SentAt!.Value).TotalMilliseconds).Order().ToArray();
        Console.WriteLine($"latency at {offered:F0} events/s offered ({total} events): commit->consume p50 {Percentile(total_, 50):F1} ms  p99 {Percentile(total_, 99):F1} ms  max {total_[^1]:F1} ms");
        Console.WriteLine($"  relay lag (commit->sent) p50 {Percentile(relay, 50):F1} ms  p99 {Percentile(relay, 99):F1} ms;  consumer lag (sent->consumed) p50 {Percentile(consumer, 50):F1} ms  p99 {Percentile(consumer, 99):F1} ms");
        return new Latency(Percentile(total_, 50), Percentile(total_, 99));
    }

    private sealed record Faults(int Lost, int Duplicated, int OutOfOrder);

    /// <summary>
    /// A stream over 50 accounts to a one-at-a-time consumer running in a process of its own, on a broker of the
    /// benchmark's own; a third of the way the broker is restarted, two thirds of the way the consumer process is
    /// killed (and started again). Then: every event consumed once, each account's credits in order.
    /// </summary>
    private static async Task<Faults> FaultsAsync(InfrastructureServers servers, int events)
    {
        var builder = TestApplication.Servers();
        builder.AddLocalRabbitMQ("messaging", builder.AddGeneratedSecret("rabbitmq-password"), port: 56672, managementPort: 56673);
        await using var brokerHost = await TestApplication.StartAsync(builder);
        var broker = new Uri(brokerHost.GetConnectionString("messaging"));
        var database = await servers.CreateDatabaseAsync("bench_faults");

        await using var producer = new LedgerService(database, broker, withConsumer: false);
        await producer.StartAsync();
        var consumer = LedgerConsumerProcess.Start(database, broker);
        try
        {
            await Eventually.GetAsync(() => Task.FromResult(consumer.IsReady), ready => ready, TimeSpan.FromMinutes(1), "the consumer process");
            var accounts = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();
            for (var i = 0; i < events; i++)
            {
                if (i == events / 3)
                {
                    Console.WriteLine("  faults: restarting the broker");
                    await brokerHost.StopResourceAsync("messaging");
                    await brokerHost.StartResourceAsync("messaging");
                }
                if (i == 2 * events / 3)
                {
                    Console.WriteLine("  faults: killing the consumer process");
                    consumer.Kill();
                    consumer = LedgerConsumerProcess.Start(database, broker);
                }
                await producer.CreditAsync(accounts[i % accounts.Length]);
            }
            await Eventually.GetAsync(() => producer.QueryAsync(db => db.CreditsSeen.CountAsync()), n => n >= events, TimeSpan.FromMinutes(5), "every event after the faults");
            // A duplicate delivered late would show in this window.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var seen = await producer.CreditsSeenAsync();
            var distinct = seen.Select(s => s.MessageId).Distinct().Count();
            var outOfOrder = seen.GroupBy(s => s.AccountId).Sum(account =>
                account.OrderBy(s => s.Id).Select(s => s.Sequence).Zip(Enumerable.Range(1, int.MaxValue), (sequence, expected) => sequence == expected ? 0 : 1).Sum());
            var faults = new Faults(Lost: events - distinct, Duplicated: seen.Count - distinct, OutOfOrder: outOfOrder);
            Console.WriteLine($"  faults: {events} events, {seen.Count} side effects, lost {faults.Lost}, duplicated {faults.Duplicated}, out of order {faults.OutOfOrder}");
            return faults;
        }
        finally
        {
            consumer.Kill();
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
