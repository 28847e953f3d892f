using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost.Resources.RabbitMQ;
using Platform.Messaging.Inbox;
using Platform.Testing.Ledger;
using Platform.Testing.Ledger.Contracts;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.Messaging.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class InboxAndRetryTests(InfrastructureServers servers)
{
    private const string Queue = "ledger-credit";

    /// <summary>Short waits, so the whole retry ladder runs in seconds: 2 immediate tries, then 2 delayed redeliveries.</summary>
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Messaging:Retry:ImmediateRetries:0"] = "00:00:00.050",
        ["Messaging:Retry:Delays:0"] = "00:00:01",
        ["Messaging:Retry:Delays:1"] = "00:00:02",
    };

    [Fact]
    public async Task The_same_message_delivered_twice_has_its_side_effect_once()
    {
        await using var service = await StartAsync("inbox_twice");
        var bus = service.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        var account = Guid.NewGuid();

        await bus.Publish(new AccountCredited { AccountId = account, Sequence = 1 }, c => c.MessageId = messageId);
        await bus.Publish(new AccountCredited { AccountId = account, Sequence = 1 }, c => c.MessageId = messageId);
        // One message at a time: once this one is seen, both copies before it were handled.
        var marker = Guid.NewGuid();
        await bus.Publish(new AccountCredited { AccountId = marker, Sequence = 1 });

        var seen = await Eventually.GetAsync(service.CreditsSeenAsync, s => s.Any(c => c.AccountId == marker), TimeSpan.FromSeconds(20), "the marker");
        Assert.Single(seen, c => c.AccountId == account);
        Assert.Equal(1, service.Plan.Attempts(account)); // the second copy never reached the handler
        Assert.Equal(1, await service.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task A_handler_that_fails_twice_then_succeeds_is_consumed_once_with_nothing_in_the_error_queue()
    {
        await using var service = await StartAsync("retry_twice");
        var account = Guid.NewGuid();
        service.Plan.FailTimes(account, 2);

        await service.CreditAsync(account);

        var seen = await Eventually.GetAsync(service.CreditsSeenAsync, s => s.Count >= 1, TimeSpan.FromSeconds(30), "the credit");
        Assert.Single(seen);
        Assert.Equal(3, service.Plan.Attempts(account));
        Assert.Equal(0, await MessagesInAsync($"{Queue}_error"));
    }

    [Fact]
    public async Task A_handler_that_always_fails_lands_in_the_error_queue_with_its_exception_and_can_be_requeued()
    {
        var broker = await servers.CreateVirtualHostAsync("retry-always");
        await using var service = await StartAsync("retry_always", broker);
        var account = Guid.NewGuid();
        service.Plan.FailAlways(account);

        await service.CreditAsync(account);

        await Eventually.GetAsync(() => MessagesInAsync($"{Queue}_error", broker), n => n == 1, TimeSpan.FromSeconds(30), "the error queue");
        // Each delivery: the first try and one immediate retry; three deliveries (the first and two delayed).
        Assert.Equal(6, service.Plan.Attempts(account));
        Assert.Empty(await service.CreditsSeenAsync());
        var faulted = await PeekAsync(broker, $"{Queue}_error");
        Assert.Contains($"Planned failure for account {account}", Encoding.UTF8.GetString((byte[])faulted["MT-Fault-Message"]!));

        var errorQueues = new ErrorQueues(broker, servers.BrokerManagement);
        Assert.Contains(await errorQueues.ListAsync(), q => q.SourceQueue == Queue && q.Messages == 1);
        service.Plan.Heal(account);
        Assert.Equal(1, await errorQueues.RequeueAsync(Queue));

        var seen = await Eventually.GetAsync(service.CreditsSeenAsync, s => s.Count == 1, TimeSpan.FromSeconds(20), "the requeued message");
        Assert.Equal(account, seen[0].AccountId);
        Assert.Equal(0, await MessagesInAsync($"{Queue}_error", broker));
    }

    [Fact]
    public async Task Consumed_in_batches_a_message_that_always_fails_ends_alone_in_the_error_queue_and_the_rest_of_its_batch_once()
    {
        var broker = await servers.CreateVirtualHostAsync("batch-poison");
        await using var service = new LedgerService(await servers.CreateDatabaseAsync("batch_poison"), broker, settings: FastRetries, ordered: false);
        await service.StartAsync();
        var poison = Guid.NewGuid();
        service.Plan.FailAlways(poison);
        var accounts = Enumerable.Range(0, 299).Select(_ => Guid.NewGuid()).Append(poison).ToArray();

        // Published all at once, so that the consumer's batches fill up and the poison shares one with others.
        var bus = service.Services.GetRequiredService<IBus>();
        await Parallel.ForEachAsync(accounts, async (account, ct) => await bus.Publish(new AccountCredited { AccountId = account, Sequence = 1 }, ct));

        await Eventually.GetAsync(() => MessagesInAsync($"{Queue}_error", broker), n => n == 1, TimeSpan.FromSeconds(60), "the error queue");
        var seen = await Eventually.GetAsync(service.CreditsSeenAsync, s => s.Count >= 299, TimeSpan.FromSeconds(30), "the good messages");
        Assert.Equal(accounts.Where(a => a != poison).Order(), seen.Select(s => s.AccountId).Order());
        var faulted = await PeekAsync(broker, $"{Queue}_error");
        Assert.Contains($"Planned failure for account {poison}", Encoding.UTF8.GetString((byte[])faulted["MT-Fault-Message"]!));
        // One inbox insert per batch stamps its rows alike: many rows share a stamp when messages were committed together.
        var largestBatch = await service.QueryAsync(db => db.Set<InboxMessage>().GroupBy(m => m.ProcessedAt).Select(g => g.Count()).MaxAsync());
        Assert.True(largestBatch > 1, $"the largest batch committed held {largestBatch} message(s)");
    }

    private Uri? _broker;

    private async Task<LedgerService> StartAsync(string name, Uri? broker = null)
    {
        _broker = broker ?? await servers.CreateVirtualHostAsync(name.Replace('_', '-'));
        var service = new LedgerService(await servers.CreateDatabaseAsync(name), _broker, settings: FastRetries);
        await service.StartAsync();
        return service;
    }

    private async Task<long> MessagesInAsync(string queue, Uri? broker = null)
    {
        var factory = new ConnectionFactory { Uri = broker ?? _broker! };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try { return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount; }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) { return 0; }
    }

    /// <summary>The headers of the first message in a queue, left in place.</summary>
    private static async Task<IDictionary<string, object?>> PeekAsync(Uri broker, string queue)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var message = await channel.BasicGetAsync(queue, autoAck: false) ?? throw new InvalidOperationException($"{queue} is empty");
        await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true);
        return message.BasicProperties.Headers!;
    }
}
