using System.Collections.Concurrent;
using MassTransit;
using Platform.Testing.Ledger.Contracts;

namespace Platform.Testing.Ledger;

/// <summary>
/// The order in which credits first arrive at the consumer, before the inbox or any handler runs: with
/// one message at a time this is the queue's order, which is what the outbox promises per aggregate.
/// (The order of successful consumption can differ when a message is redelivered later.)
/// </summary>
public sealed class ArrivalOrder : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, byte> _seen = new();
    private readonly ConcurrentQueue<AccountCredited> _arrivals = new();

    public IReadOnlyList<AccountCredited> Arrivals => _arrivals.ToList();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is AccountCredited credit && context.MessageId is { } id && _seen.TryAdd(id, 0)) _arrivals.Enqueue(credit);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;
    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
