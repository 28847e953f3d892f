using System.Diagnostics;
using System.Text.Json;

namespace Platform.Messaging.Outbox;

public static class OutboxWriter
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues an integration event with the context's pending changes: it is written by the same
    /// <c>SaveChanges</c> (and so the same transaction) and published to the broker after the commit.
    /// </summary>
    /// <param name="aggregateId">The entity the event is about: its events reach the broker in the order they were written.</param>
    public static void PublishOnCommit<TEvent>(this DbContext context, TEvent integrationEvent, Guid? aggregateId) where TEvent : class
    {
        var type = integrationEvent.GetType();
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = NewId.NextGuid(),
            AggregateId = aggregateId,
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(integrationEvent, type, Json),
            TraceParent = Activity.Current?.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }
}
