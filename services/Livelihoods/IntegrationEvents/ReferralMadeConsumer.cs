using MassTransit;
using Platform.Messaging.Inbox;
using Platform.WebApi;

namespace Platform.Livelihoods.IntegrationEvents;

/// <summary>
/// A desk referred a woman to the programme: she becomes an applicant, once. The inbox drops a
/// redelivered message, and the unique referral id stops a copy published twice from making two applicants.
/// Her details arrive sealed for this service alone and are sealed again at rest.
/// </summary>
public sealed class ReferralMadeConsumer(
    LivelihoodsDbContext db, PersonalDataProtector protector, SharedEnvelope envelope, AuditTrail audit, TimeProvider clock, ILogger<ReferralMadeConsumer> logger)
    : IdempotentConsumer<ReferralMade, LivelihoodsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ReferralMade message, ConsumeContext<ReferralMade> context)
    {
        if (message.ToProgramme != "livelihoods" || message.SealedApplicant is null) return;
        if (await Db.Entrepreneurs.AnyAsync(e => e.ReferralId == message.ReferralId, context.CancellationToken)) return;
        var applicant = envelope.Open<LivelihoodsApplicant>(message.SealedApplicant, SharedEnvelope.ReferralContext(message.ReferralId));
        var id = Guid.CreateVersion7();
        Db.Entrepreneurs.Add(new Entrepreneur
        {
            Id = id, ReferenceCode = ReferenceCodes.New("ENT"), District = applicant.District,
            Language = applicant.Languages.FirstOrDefault(l => l is "tr" or "ar" or "en") ?? "tr",
            SealedDetails = protector.Seal(new EntrepreneurDetails(applicant.FullName, applicant.Phone, null), Entrepreneur.Context(id)),
            ReferralId = message.ReferralId, ReferralCode = message.ReferenceCode, ReferralCaseId = message.CaseId,
            RegisteredBy = "referral", RegisteredAt = clock.GetUtcNow(),
        });
        // Her audit log starts with who brought her details here: the referring desk's district, through cases.
        audit.Record($"cases referral {message.ReferenceCode}", null, id, "create", "entrepreneur");
        logger.LogInformation("Referral {ReferralCode} became applicant {EntrepreneurId}", message.ReferenceCode, id);
    }
}
