using MassTransit;
using Platform.Messaging.Inbox;

namespace Platform.Meetings.IntegrationEvents;

/// <summary>
/// A desk referred someone to a service offer: the offer's load counts it. Referrals to no offer are not
/// the directory's business. The inbox drops a redelivered message, and the referral id as key stops a
/// copy published twice from counting twice.
/// </summary>
public sealed class ReferralMadeConsumer(MeetingsDbContext db, ILogger<ReferralMadeConsumer> logger)
    : IdempotentConsumer<ReferralMade, MeetingsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ReferralMade message, ConsumeContext<ReferralMade> context)
    {
        if (message.ServiceOfferId is not { } offerId) return;
        var referral = await Db.OfferReferrals.FindAsync([message.ReferralId], context.CancellationToken);
        // Its answer may have come first (another queue): then the row is there, waiting for its offer.
        if (referral is null) Db.OfferReferrals.Add(referral = new OfferReferral { ReferralId = message.ReferralId });
        referral.ServiceOfferId = offerId;
        referral.MadeAt = message.MadeAt.ToUniversalTime();
        logger.LogInformation("Referral {ReferralCode} counts towards service offer {ServiceOfferId}", message.ReferenceCode, offerId);
    }
}
