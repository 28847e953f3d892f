using MassTransit;
using Platform.Messaging.Inbox;

namespace Platform.Meetings.IntegrationEvents;

/// <summary>
/// The receiving side answered a referral: a declined or completed one no longer counts as open. The
/// answer names no offer, and its queue can overtake the referral's, so an answer to a referral not
/// heard of yet is kept under the referral's id; the referral joins it when it arrives (or never, when
/// it was made to no offer: a row of ids and a status, nothing more).
/// </summary>
public sealed class ReferralAnsweredConsumer(MeetingsDbContext db, ILogger<ReferralAnsweredConsumer> logger)
    : IdempotentConsumer<ReferralAnswered, MeetingsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ReferralAnswered message, ConsumeContext<ReferralAnswered> context)
    {
        if (!OfferReferralStatuses.Answers.Contains(message.Outcome))
        {
            logger.LogWarning("Referral {ReferralCode} answered with unknown outcome {Outcome}; ignored", message.ReferenceCode, message.Outcome);
            return;
        }
        var referral = await Db.OfferReferrals.FindAsync([message.ReferralId], context.CancellationToken);
        if (referral is null) Db.OfferReferrals.Add(referral = new OfferReferral { ReferralId = message.ReferralId });
        referral.Answer(message.Outcome, message.AnsweredAt.ToUniversalTime());
    }
}
