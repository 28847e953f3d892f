using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.Outbox;
using Platform.Testing;
using Platform.Testing.Ledger;
using Xunit.Abstractions;

namespace Platform.Messaging.Tests;

/// <summary>
/// The ledger service (the real outbox on a real PostgreSQL, MassTransit, the idempotent consumer) on a three-node
/// RabbitMQ cluster of its own, whose queues are quorum queues; nodes are killed under it.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class RabbitMQClusterTests(InfrastructureServers servers, RabbitMQClusterFixture cluster, ITestOutputHelper output)
    : IClassFixture<RabbitMQClusterFixture>
{
    private const string Queue = "ledger-credit";
    private static readonly TimeSpan DuplicateSettleWindow = TimeSpan.FromSeconds(1);
    private readonly Guid[] _accounts = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();

    [Fact]
    public async Task Killing_the_node_that_leads_the_queue_mid_stream_loses_no_event_and_none_is_consumed_twice()
    {
        const int events = 300;
        await cluster.EveryNodeUpAsync();
        var (service, deliveries, vhost) = await StartLedgerAsync("leader-kill");
        await using var _ = service;
        var queue = await cluster.QueueAsync(vhost, Queue);
        Assert.Equal("quorum", queue.Type);
        Assert.Equal(3, queue.Members.Count);
        var leader = cluster.NodeNamed(queue.Leader!);

        var clock = Stopwatch.StartNew();
        var killedAt = TimeSpan.Zero;
        for (var i = 0; i < events; i++)
        {
            if (i == events / 3)
            {
                await cluster.KillAsync(leader);
                killedAt = clock.Elapsed;
            }
            await service.CreditAsync(_accounts[i % _accounts.Length]);
            await Task.Delay(5);
        }
        var sentBy = clock.Elapsed;

        await Eventually.GetAsync(service.CreditsSeenAsync, s => s.Count >= events, TimeSpan.FromSeconds(60), $"all {events} events");
        await Eventually.GetAsync(service.PendingOutboxRowsAsync, n => n == 0, TimeSpan.FromSeconds(20), "every row confirmed and marked");
        var drainedBy = clock.Elapsed;
        await Task.Delay(DuplicateSettleWindow);

        var seen = await service.CreditsSeenAsync();
        var rows = await OutboxRowsAsync(service);
        Assert.Equal(events, rows.Count);
        Assert.All(rows, row => Assert.NotNull(row.DeliveredAt));
        // Every event the broker confirmed was consumed, once: its side effect is there exactly once.
        Assert.Equal(rows.Select(r => r.Id).Order(), seen.Select(s => s.MessageId).Order());
        var newLeader = (await cluster.QueueAsync(vhost, Queue)).Leader;
        Assert.NotEqual(leader.NodeName, newLeader);
        output.WriteLine($"killed leader {leader.NodeName} after {events / 3} of {events} events at {killedAt.TotalSeconds:F1} s; new leader {newLeader}; " +
                         $"sent by {sentBy.TotalSeconds:F1} s, all consumed and confirmed by {drainedBy.TotalSeconds:F1} s; consumed {seen.Count}, " +
                         $"distinct {seen.Select(s => s.MessageId).Distinct().Count()}, publishes that failed at least once {rows.Count(r => r.LastError is not null)}, " +
                         $"duplicate deliveries absorbed by the inbox {deliveries.Duplicates}");
    }

    // RabbitMQ 3.10 may leave the channel MassTransit reconnects on rejecting every publish to the quorum queue for
    // good (a fresh channel is confirmed at once): the relay then restarts the bus (PublisherRenewal), which this
    // test goes through in about one run of three.
    [Fact(Skip = "Defect, issue 20: in a clean-clone ./test.sh (beside EndToEnd.Tests on 2 cores) this test hung for 18 minutes after the node returned; alone it passes (7 of 8 runs)")]
    public async Task With_two_of_three_nodes_down_publishes_are_not_confirmed_and_wait_in_the_outbox_until_a_node_returns()
    {
        const int warmUp = 10, whileDown = 50;
        await cluster.EveryNodeUpAsync();
        var (service, deliveries, vhost) = await StartLedgerAsync("two-down");
        await using var _ = service;
        for (var i = 0; i < warmUp; i++) await service.CreditAsync(_accounts[i % _accounts.Length]);
        await Eventually.GetAsync(service.CreditsSeenAsync, s => s.Count >= warmUp, TimeSpan.FromSeconds(30), "the warm-up events");
        await Eventually.GetAsync(service.PendingOutboxRowsAsync, n => n == 0, TimeSpan.FromSeconds(10), "the warm-up rows marked");

        // The leader and one follower go: the one node left is a minority, and a quorum queue without a majority confirms nothing.
        var leader = cluster.NodeNamed((await cluster.QueueAsync(vhost, Queue)).Leader!);
        var down = new[] { leader, cluster.Nodes.First(n => n != leader) };
        foreach (var node in down) await cluster.KillAsync(node);

        for (var i = 0; i < whileDown; i++) await service.CreditAsync(_accounts[i % _accounts.Length]);
        // Longer than a publish may wait for its confirm (10 s): the relay has tried, and given up, at least once.
        var outage = Stopwatch.StartNew();
        await Eventually.GetAsync(() => OutboxRowsAsync(service), rows => rows.Any(r => r.LastError is not null) && outage.Elapsed > TimeSpan.FromSeconds(12),
            TimeSpan.FromSeconds(40), "the relay to try and fail");
        var waiting = await OutboxRowsAsync(service);
        Assert.Equal(whileDown, waiting.Count(r => r.DeliveredAt is null));
        Assert.Equal(warmUp, (await service.CreditsSeenAsync()).Count);

        var returning = Stopwatch.StartNew();
        await cluster.App.StartResourceAsync(down[0].Name);
        var nodeBack = returning.Elapsed;
        try
        {
            await Eventually.GetAsync(service.CreditsSeenAsync, s => s.Count >= warmUp + whileDown, TimeSpan.FromSeconds(60), "the events committed while the cluster was down");
            await Eventually.GetAsync(service.PendingOutboxRowsAsync, n => n == 0, TimeSpan.FromSeconds(30), "every row confirmed and marked");
        }
        catch (TimeoutException)
        {
            output.WriteLine($"{down[0].NodeName} back after {nodeBack.TotalSeconds:F1} s; after {returning.Elapsed.TotalSeconds:F1} s:{Environment.NewLine}{await cluster.DescribeAsync(vhost, Queue)}");
            throw;
        }
        var drained = returning.Elapsed;
        await Task.Delay(DuplicateSettleWindow);

        var seen = await service.CreditsSeenAsync();
        var rows = await OutboxRowsAsync(service);
        Assert.Equal(rows.Select(r => r.Id).Order(), seen.Select(s => s.MessageId).Order());
        output.WriteLine($"killed {string.Join(" and ", down.Select(n => n.NodeName))}; {whileDown} events committed, " +
                         $"{waiting.Count(r => r.DeliveredAt is null)} still in the outbox after {outage.Elapsed.TotalSeconds:F1} s " +
                         $"({waiting.Count(r => r.LastError is not null)} tried and unconfirmed); {down[0].NodeName} healthy again {nodeBack.TotalSeconds:F1} s after its start, " +
                         $"outbox drained and all consumed {drained.TotalSeconds:F1} s after it (so {(drained - nodeBack).TotalSeconds:F1} s after it was back); " +
                         $"consumed {seen.Count}, distinct {seen.Select(s => s.MessageId).Distinct().Count()}, duplicate deliveries absorbed by the inbox {deliveries.Duplicates}");
    }

    private async Task<(LedgerService Service, DeliveryCounter Deliveries, string VirtualHost)> StartLedgerAsync(string name)
    {
        var vhost = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];
        await cluster.CreateVirtualHostAsync(vhost);
        var service = new LedgerService(await servers.CreateDatabaseAsync(name.Replace('-', '_')), cluster.BrokerFor(vhost), ordered: false);
        var deliveries = new DeliveryCounter();
        service.Services.GetRequiredService<IBus>().ConnectConsumeObserver(deliveries);
        await service.StartAsync();
        return (service, deliveries, vhost);
    }

    private static Task<List<OutboxMessage>> OutboxRowsAsync(LedgerService service) =>
        service.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
}
