using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Messaging.Extensions;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;
using Platform.Testing.Ledger.Contracts;

namespace Platform.Testing.Ledger;

/// <summary>
/// A small service built from the messaging library exactly as the platform's services are: its own
/// PostgreSQL database, the outbox dispatcher, MassTransit on a real RabbitMQ virtual host, and
/// (optionally) the idempotent consumer.
/// </summary>
public sealed class LedgerService : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _started;

    /// <param name="ordered">One message at a time (order checks); otherwise MassTransit's default concurrency (throughput).</param>
    public LedgerService(string database, Uri broker, bool withConsumer = true, IDictionary<string, string?>? settings = null, bool ordered = true)
        : this(database, broker.ToString(), withConsumer, settings, ordered) { }

    /// <param name="broker">A broker address as the services get it: one node's URI, or a cluster's (<c>amqp://user:password@host1:port1,host2:port2/vhost</c>).</param>
    public LedgerService(string database, string broker, bool withConsumer = true, IDictionary<string, string?>? settings = null, bool ordered = true)
    {
        // Named like a service of the platform: its queues are "ledger-...".
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Platform.Ledger" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ledgerdb"] = database,
            ["ConnectionStrings:messaging"] = broker,
            ["Outbox:PollInterval"] = "00:00:01",
            ["Outbox:MaxRetryDelay"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDatabase<LedgerDbContext>("ledgerdb");
        builder.AddPlatformMessaging<LedgerDbContext>(bus =>
        {
            if (withConsumer) bus.AddInboxConsumer<CreditConsumer>(oneAtATime: ordered);
        });
        builder.Services.AddSingleton(Plan);
        _host = builder.Build();
    }

    public FailurePlan Plan { get; } = new();
    public ArrivalOrder Arrivals { get; } = new();
    public IServiceProvider Services => _host.Services;

    public async Task StartAsync()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Database.EnsureCreatedAsync();
        _host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(Arrivals);
        await _host.StartAsync();
        _started = true;
    }

    /// <summary>What an API handler does: change state and write the event, in one SaveChanges.</summary>
    public Task CreditAsync(Guid accountId) => CreditAsync(accountId, throughOutbox: true);

    /// <summary>
    /// The same business transaction without the outbox, then a direct publish that waits for the broker's
    /// confirm: what the outbox path is measured against (and what it costs to give up its guarantee).
    /// </summary>
    public Task CreditDirectAsync(Guid accountId) => CreditAsync(accountId, throughOutbox: false);

    private async Task CreditAsync(Guid accountId, bool throughOutbox)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var account = await db.Accounts.FindAsync(accountId);
        if (account is null) db.Accounts.Add(account = new Account { Id = accountId });
        account.Credits++;
        var credited = new AccountCredited { AccountId = accountId, Sequence = account.Credits };
        if (throughOutbox) db.PublishOnCommit(credited, accountId);
        await db.SaveChangesAsync();
        if (!throughOutbox) await _host.Services.GetRequiredService<IBus>().Publish(credited);
    }

    public async Task<T> QueryAsync<T>(Func<LedgerDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    public Task<List<CreditSeen>> CreditsSeenAsync() => QueryAsync(db => db.CreditsSeen.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    public Task<int> PendingOutboxRowsAsync() => QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DeliveredAt == null));

    /// <summary>How long a stop may take before the test gives up on it (a bus stuck on a broker that lost its nodes).</summary>
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Stops the service within <see cref="StopDeadline"/>: a hosted service that does not honour the host's shutdown
    /// timeout fails the test that stops it, with its name, instead of hanging the test run.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _host.StopAsync(shutdown.Token).WaitAsync(StopDeadline);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The ledger service did not stop within {StopDeadline.TotalSeconds:F0} s.");
            }
        }
        _host.Dispose();
    }
}
