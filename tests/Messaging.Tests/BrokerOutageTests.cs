using System.Diagnostics.Metrics;
using Platform.AppHost.Resources.RabbitMQ;
using Platform.AppHost.Resources;
using Platform.Testing.Ledger;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>Stops a broker of its own mid-test, so the shared one stays up for everyone else.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BrokerOutageTests(InfrastructureServers servers)
{
    private static readonly TimeSpan DuplicateSettleWindow = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Changes_committed_while_the_broker_is_down_are_all_consumed_exactly_once_when_it_is_back()
    {
        var builder = TestApplication.Servers();
        builder.AddLocalRabbitMQ("messaging", builder.AddGeneratedSecret("rabbitmq-password"), port: 55672, managementPort: 55673);
        await using var brokerHost = await TestApplication.StartAsync(builder);
        using var backlog = new BacklogReader();

        await using var service = new LedgerService(await servers.CreateDatabaseAsync("outage"), new Uri(brokerHost.GetConnectionString("messaging")));
        await service.StartAsync();
        await brokerHost.StopResourceAsync("messaging");

        var accounts = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < 100; i++) await service.CreditAsync(accounts[i % accounts.Length]);
        Assert.Equal(100, await service.PendingOutboxRowsAsync());
        await Eventually.WatchAsync(backlog.Read, rows => rows == 100, TimeSpan.FromSeconds(15), "the backlog gauge to show 100");

        await brokerHost.StartResourceAsync("messaging");

        await Eventually.GetAsync(service.CreditsSeenAsync, s => s.Count >= 100, TimeSpan.FromSeconds(90), "all 100 events");
        // A settle window: a duplicate delivered late would show up in it.
        await Task.Delay(DuplicateSettleWindow);
        var seen = await service.CreditsSeenAsync();
        Assert.Equal(100, seen.Count);
        Assert.Equal(100, seen.Select(s => s.MessageId).Distinct().Count());
        Assert.Equal(0, await service.PendingOutboxRowsAsync());
        foreach (var account in accounts)
            Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), seen.Where(s => s.AccountId == account).Select(s => s.Sequence));
    }

    /// <summary>Reads the <c>platform.outbox.backlog</c> gauge the way an OpenTelemetry exporter would.</summary>
    private sealed class BacklogReader : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _last = -1;

        public BacklogReader()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Platform.Messaging" && instrument.Name == "platform.outbox.backlog") listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Exchange(ref _last, value));
            _listener.Start();
        }

        public long Read()
        {
            _listener.RecordObservableInstruments();
            return Interlocked.Read(ref _last);
        }

        public void Dispose() => _listener.Dispose();
    }
}
