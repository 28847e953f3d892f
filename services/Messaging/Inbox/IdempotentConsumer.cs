using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Messaging.Inbox;

/// <summary>
/// A consumer whose side effects and inbox rows commit in one transaction: a message it has handled before
/// (same message id) is acknowledged and skipped. Messages come in small batches (MassTransit's
/// <see cref="Batch{T}"/>, see <see cref="InboxConsumerRegistration"/>): one inbox insert and one commit
/// serve them all, and each message is handled and saved in turn, seeing what the ones before it changed.
/// Events it publishes through <see cref="Outbox.OutboxWriter.PublishOnCommit{TEvent}"/> join the same transaction.
/// </summary>
/// <remarks>
/// When a batch fails, each of its messages is tried again in a transaction of its own, so one bad message
/// does not hold the others back: those that commit are acknowledged, and only the ones that failed alone go
/// on to the retry ladder (and, in the end, to <c>{queue}_error</c>).
/// </remarks>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, ILogger logger) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db => db;
    protected ILogger Logger => logger;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var messages = context.Message.ToList();
        if (messages.Count == 1)
        {
            await ConsumeTogetherAsync(messages, context.CancellationToken);
            return;
        }
        try
        {
            await ConsumeTogetherAsync(messages, context.CancellationToken);
        }
        catch (Exception batchFailure) when (!context.CancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(batchFailure, "{Consumer}: a batch of {Count} failed; consuming its messages one at a time", GetType().Name, messages.Count);
            Exception? first = null;
            foreach (var message in messages)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    await ConsumeTogetherAsync([message], context.CancellationToken);
                }
                catch (Exception failure) when (!context.CancellationToken.IsCancellationRequested)
                {
                    first ??= failure;
                    continue;
                }
                // Marked consumed, MassTransit does not fault this message with the batch: only the failed ones
                // go on to the retry ladder (and, in the end, to the error queue).
                await message.NotifyConsumed(message, clock.Elapsed, GetType().Name);
            }
            if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
    }

    private async Task ConsumeTogetherAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken)
    {
        var consumer = GetType().Name;
        // Immediate retries and the one-at-a-time fallback reuse this scope's DbContext: start from a clean slate.
        db.ChangeTracker.Clear();
        // A failed save fails the batch (and its transaction) anyway: no savepoint round trip before each save.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await ClaimAsync(consumer, messages, cancellationToken);
        foreach (var message in messages)
        {
            if (!claimed.Contains(message.MessageId!.Value))
            {
                logger.LogInformation("{Consumer} already handled message {MessageId}; skipped", consumer, message.MessageId);
                continue;
            }
            await HandleAsync(message.Message, message);
            // Saved before the next message of the batch is handled, whose queries must see this one's effects
            // (the same transaction), as they would have one message at a time.
            await db.SaveChangesAsync(cancellationToken);
        }
        if (claimed.Count == 0) return;
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One insert for the whole batch; it returns the ids not handled before.</summary>
    private async Task<HashSet<Guid>> ClaimAsync(string consumer, IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => m.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be consumed idempotently.")).ToArray();
        var claimed = await db.Database.SqlQueryRaw<Guid>(
                "INSERT INTO inbox_messages (message_id, consumer, processed_at) SELECT id, @consumer, @now FROM unnest(@ids) AS id " +
                "ON CONFLICT DO NOTHING RETURNING message_id AS \"Value\"",
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids },
                new NpgsqlParameter("consumer", consumer),
                new NpgsqlParameter("now", DateTimeOffset.UtcNow))
            .ToListAsync(cancellationToken);
        return [.. claimed];
    }

    /// <summary>Applies one message to the change tracker; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
