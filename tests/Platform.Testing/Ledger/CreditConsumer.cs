using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Platform.Messaging.Inbox;
using Platform.Testing.Ledger.Contracts;

namespace Platform.Testing.Ledger;

/// <summary>How the consumer misbehaves, per account: fail the first N attempts, or always.</summary>
public sealed class FailurePlan
{
    private readonly ConcurrentDictionary<Guid, int> _failuresLeft = new();
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    public void FailTimes(Guid accountId, int times) => _failuresLeft[accountId] = times;
    public void FailAlways(Guid accountId) => _failuresLeft[accountId] = int.MaxValue;
    public void Heal(Guid accountId) => _failuresLeft.TryRemove(accountId, out _);
    public int Attempts(Guid accountId) => _attempts.GetValueOrDefault(accountId);

    public void OnAttempt(Guid accountId)
    {
        _attempts.AddOrUpdate(accountId, 1, (_, n) => n + 1);
        if (_failuresLeft.TryGetValue(accountId, out var left) && left > 0)
        {
            _failuresLeft[accountId] = left == int.MaxValue ? left : left - 1;
            throw new InvalidOperationException($"Planned failure for account {accountId}");
        }
    }
}

public sealed class CreditConsumer(LedgerDbContext db, FailurePlan plan, ILogger<CreditConsumer> logger)
    : IdempotentConsumer<AccountCredited, LedgerDbContext>(db, logger)
{
    protected override Task HandleAsync(AccountCredited message, ConsumeContext<AccountCredited> context)
    {
        plan.OnAttempt(message.AccountId);
        Db.CreditsSeen.Add(new CreditSeen
        {
            MessageId = context.MessageId!.Value,
            AccountId = message.AccountId,
            Sequence = message.Sequence,
            TraceId = Activity.Current?.TraceId.ToString(),
            SentAt = context.SentTime is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : null,
            SeenAt = DateTimeOffset.UtcNow,
        });
        return Task.CompletedTask;
    }
}
