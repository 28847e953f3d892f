namespace Platform.Messaging.Inbox;

/// <summary>
/// How an <see cref="IdempotentConsumer{TMessage,TContext}"/> gathers its batches: up to
/// <see cref="MessageLimit"/> messages, or what came within <see cref="Window"/> of the first, and
/// <see cref="Batches"/> of them at once (one commits while the next fills).
/// </summary>
public sealed record InboxBatching(int MessageLimit, TimeSpan Window, int Batches)
{
    /// <summary>The messages a queue's consumer holds at once: what the broker may deliver ahead (prefetch).</summary>
    public int MessagesInFlight => MessageLimit * Batches;
}

public static class InboxConsumerRegistration
{
    /// <summary>
    /// Adds an <see cref="IdempotentConsumer{TMessage,TContext}"/> with the platform's batching. Registered with
    /// MassTransit's plain <c>AddConsumer</c> a batch consumer would wait up to a second for ten messages.
    /// </summary>
    /// <param name="oneAtATime">One message at a time, in the queue's order (what the outbox promises per aggregate).</param>
    public static IConsumerRegistrationConfigurator<TConsumer> AddInboxConsumer<TConsumer>(this IBusRegistrationConfigurator bus, bool oneAtATime = false)
        where TConsumer : class, IConsumer
    {
        var registration = bus.AddConsumer<TConsumer>((context, consumer) =>
        {
            var batching = context.GetRequiredService<InboxBatching>();
            consumer.Options<BatchOptions>(options => options
                .SetMessageLimit(oneAtATime ? 1 : batching.MessageLimit)
                .SetTimeLimit(batching.Window)
                .SetConcurrencyLimit(oneAtATime ? 1 : batching.Batches));
        });
        if (oneAtATime)
            registration.Endpoint(endpoint =>
            {
                endpoint.PrefetchCount = 1;
                endpoint.ConcurrentMessageLimit = 1;
            });
        return registration;
    }
}
