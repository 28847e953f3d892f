using MassTransit;
using Platform.Messaging.Inbox;

namespace Platform.Cases.IntegrationEvents;

/// <summary>
/// The livelihoods programme answers the referrals made to it (accepted when she is placed, completed
/// when she graduates, declined when she withdraws): the desk sees the outcome on its referral. Answers
/// cases published itself find the referral already in that state and change nothing.
/// </summary>
public sealed class ReferralAnsweredConsumer(CasesDbContext db, ILogger<ReferralAnsweredConsumer> logger)
    : IdempotentConsumer<ReferralAnswered, CasesDbContext>(db, logger)
{
    protected override async Task HandleAsync(ReferralAnswered message, ConsumeContext<ReferralAnswered> context)
    {
        var referral = await Db.Referrals.SingleOrDefaultAsync(r => r.Id == message.ReferralId, context.CancellationToken);
        if (referral is null || referral.ToProgramme is null || referral.Status == message.Outcome) return;
        if (referral.Status is ReferralStatuses.Completed or ReferralStatuses.Declined) return;
        referral.Status = message.Outcome;
        referral.AnsweredBy = referral.ToProgramme;
        referral.AnsweredAt ??= message.AnsweredAt.ToUniversalTime();
        if (message.Outcome == ReferralStatuses.Accepted) referral.AcceptedAt = message.AnsweredAt.ToUniversalTime();
    }
}
