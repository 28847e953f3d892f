namespace Platform.Messaging.Outbox;

/// <summary>An integration event written in the same transaction as the state change that caused it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Also the MassTransit message id, so a consumer's inbox recognises a second delivery.</summary>
    public Guid Id { get; init; }
    /// <summary>Insertion order; events are delivered in this order.</summary>
    public long Sequence { get; init; }
    /// <summary>The entity the event is about; events of one aggregate are delivered in the order they were written.</summary>
    public Guid? AggregateId { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    /// <summary>W3C traceparent of the activity that wrote the row, so the trace continues across the dispatcher.</summary>
    public string? TraceParent { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
