namespace Platform.Messaging.Inbox;

/// <summary>
/// A consumer whose side effects and inbox row commit in one transaction: a message it has handled
/// before (same message id) is acknowledged and skipped. Events it publishes through
/// <see cref="Outbox.OutboxWriter.PublishOnCommit{TEvent}"/> join the same transaction.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db => db;
    protected ILogger Logger => logger;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be consumed idempotently.");
        var consumer = GetType().Name;
        // Immediate retries reuse this scope's DbContext: start each attempt from a clean slate.
        db.ChangeTracker.Clear();
        // A failed save fails the message (and its transaction) anyway: no savepoint round trip before each save.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
            context.CancellationToken);
        if (claimed == 0)
        {
            logger.LogInformation("{Consumer} already handled message {MessageId}; skipped", consumer, messageId);
            return;
        }
        await HandleAsync(context.Message, context);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>Applies the message to the change tracker; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
