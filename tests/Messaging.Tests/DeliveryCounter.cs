using System.Collections.Concurrent;
using MassTransit;

namespace Platform.Messaging.Tests;

/// <summary>Counts every delivery of every message the consumer got, before the inbox: copies beyond the first are duplicates the inbox absorbed.</summary>
public sealed class DeliveryCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();

    public int Duplicates => _deliveries.Values.Sum(n => n - 1);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id) _deliveries.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;
    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
