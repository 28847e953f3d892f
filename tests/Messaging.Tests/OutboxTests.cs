using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.Outbox;
using Platform.Testing.Ledger;
using Platform.Testing;

namespace Platform.Messaging.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class OutboxTests(InfrastructureServers servers)
{
    [Fact]
    public async Task An_event_committed_just_before_the_process_died_is_delivered_after_restart()
    {
        var database = await servers.CreateDatabaseAsync("outbox_crash");
        var broker = await servers.CreateVirtualHostAsync("outbox-crash");
        var account = Guid.NewGuid();
        // The first process commits and dies before its dispatcher ever runs: built, never started.
        await using (var crashed = new LedgerService(database, broker))
        {
            await using (var scope = crashed.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Database.EnsureCreatedAsync();
            await crashed.CreditAsync(account);
            Assert.Equal(1, await crashed.PendingOutboxRowsAsync());
        }

        await using var restarted = new LedgerService(database, broker);
        await restarted.StartAsync();

        var seen = await Eventually.GetAsync(restarted.CreditsSeenAsync, s => s.Count >= 1, TimeSpan.FromSeconds(20), "the event to be consumed");
        Assert.Equal(account, Assert.Single(seen).AccountId);
        // The relay marks a row delivered after the broker's confirm, in its own statement: the consumer can be first.
        Assert.Equal(0, await Eventually.GetAsync(restarted.PendingOutboxRowsAsync, n => n == 0, TimeSpan.FromSeconds(10), "the row to be marked delivered"));
    }

    [Fact]
    public async Task Two_dispatchers_on_one_outbox_deliver_every_event_once_and_in_order_per_aggregate()
    {
        var database = await servers.CreateDatabaseAsync("outbox_two");
        var broker = await servers.CreateVirtualHostAsync("outbox-two");
        var small = new Dictionary<string, string?> { ["Outbox:BatchSize"] = "7" };
        await using var first = new LedgerService(database, broker, withConsumer: true, small);
        await using var second = new LedgerService(database, broker, withConsumer: false, small);
        await first.StartAsync();
        var accounts = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();

        await second.StartAsync();
        // 300 commits spread over ten aggregates while both dispatchers compete for the rows.
        for (var i = 0; i < 300; i++) await first.CreditAsync(accounts[i % accounts.Length]);

        var seen = await Eventually.GetAsync(first.CreditsSeenAsync, s => s.Count >= 300, TimeSpan.FromSeconds(60), "300 events");
        await Task.Delay(500);
        seen = await first.CreditsSeenAsync();
        Assert.Equal(300, seen.Count);
        Assert.Equal(300, seen.Select(s => s.MessageId).Distinct().Count());
        // The order of arrival from the queue: what the dispatchers promise. (Consumption can reorder
        // on its own when a busy machine makes the consumer redeliver a message later.)
        var arrivals = first.Arrivals.Arrivals;
        foreach (var account in accounts)
        {
            var order = arrivals.Where(a => a.AccountId == account).Select(a => a.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, 30).Select(n => (long)n), order);
        }
    }

    [Fact]
    public async Task The_trace_of_the_work_that_wrote_the_row_continues_through_delivery_and_consumption()
    {
        using var listener = ListenToEverything();
        var database = await servers.CreateDatabaseAsync("outbox_trace");
        var broker = await servers.CreateVirtualHostAsync("outbox-trace");
        await using var service = new LedgerService(database, broker);
        await service.StartAsync();
        using var source = new ActivitySource("Platform.Messaging.Tests");

        ActivityTraceId requestTrace;
        using (var request = source.StartActivity("POST /accounts/credit", ActivityKind.Server)!)
        {
            requestTrace = request.TraceId;
            await service.CreditAsync(Guid.NewGuid());
        }

        var seen = await Eventually.GetAsync(service.CreditsSeenAsync, s => s.Count == 1, TimeSpan.FromSeconds(20), "the event");
        Assert.Equal(requestTrace.ToString(), seen[0].TraceId);
        var row = await service.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync());
        Assert.Contains(requestTrace.ToString(), row.TraceParent);
    }

    private static ActivityListener ListenToEverything()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
