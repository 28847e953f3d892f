using MassTransit;
using Platform.Messaging.Inbox;

namespace Platform.Livelihoods.IntegrationEvents;

/// <summary>
/// A desk erased a person: the applicant her referral made here loses her details too (name, phone, email
/// sealed over by a placeholder), so no copy of her is left readable. Her programme records stay as anonymous
/// figures. Known by the referral that brought her: an entrepreneur registered here directly is not touched.
/// An applicant erased already is left as she is, so a second erasure event (another message) records nothing.
/// </summary>
public sealed class BeneficiaryErasedConsumer(LivelihoodsDbContext db, PersonalDataProtector protector, AuditTrail audit, ILogger<BeneficiaryErasedConsumer> logger)
    : IdempotentConsumer<BeneficiaryErased, LivelihoodsDbContext>(db, logger)
{
    public const string Placeholder = "(erased)";

    protected override async Task HandleAsync(BeneficiaryErased message, ConsumeContext<BeneficiaryErased> context)
    {
        if (message.ReferralIds.Count == 0) return;
        var referred = await Db.Entrepreneurs
            .Where(e => e.ReferralId != null && message.ReferralIds.Contains(e.ReferralId.Value) && e.ErasedAt == null)
            .ToListAsync(context.CancellationToken);
        foreach (var entrepreneur in referred)
        {
            entrepreneur.SealedDetails = protector.Seal(new EntrepreneurDetails(Placeholder, null, null), Entrepreneur.Context(entrepreneur.Id));
            entrepreneur.HasEmail = false;
            // Free text a coordinator wrote about her.
            entrepreneur.WithdrawalReason = null;
            entrepreneur.ErasedAt = message.ErasedAt;
            audit.Record("cases erasure", null, entrepreneur.Id, "erase", "entrepreneur");
            logger.LogInformation("Applicant {EntrepreneurId} erased with beneficiary {BeneficiaryId}", entrepreneur.Id, message.BeneficiaryId);
        }
    }
}
