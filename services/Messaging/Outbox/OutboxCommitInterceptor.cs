using Platform.Messaging.Transactions;

namespace Platform.Messaging.Outbox;

/// <summary>Hands outbox rows to <see cref="OutboxHandoff"/> when their transaction commits, and not before.</summary>
public sealed class OutboxCommitInterceptor(OutboxHandoff handoff) : AfterCommitInterceptor<OutboxMessage>
{
    protected override void Committed(IReadOnlyList<OutboxMessage> rows) => handoff.Hand(rows);
}
