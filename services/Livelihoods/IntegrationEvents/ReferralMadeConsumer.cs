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
    /// <summary>The name of an applicant referred without her consent to share her details.</summary>
    public const string NotShared = "(not shared)";

    protected override async Task HandleAsync(ReferralMade message, ConsumeContext<ReferralMade> context)
    {
        if (message.ToProgramme != "livelihoods") return;
        if (await Db.Entrepreneurs.AnyAsync(e => e.ReferralId == message.ReferralId, context.CancellationToken)) return;
        // Without her data-sharing consent the desk sends no contact details: the applicant is known by the
        // referral alone, in the referring district, and the programme reaches her through the desk.
        var applicant = message.SealedApplicant is null
            ? new LivelihoodsApplicant { BeneficiaryId = Guid.Empty, FullName = NotShared, Phone = "", District = message.FromDistrict, Languages = [] }
            : envelope.Open<LivelihoodsApplicant>(message.SealedApplicant, SharedEnvelope.ReferralContext(message.ReferralId));
        var id = Guid.CreateVersion7();
        Db.Entrepreneurs.Add(new Entrepreneur
        {
            Id = id, ReferenceCode = ReferenceCodes.New("ENT"), District = applicant.District,
            Language = applicant.Languages.FirstOrDefault(l => l is "tr" or "ar" or "en") ?? "tr",
            SealedDetails = protector.Seal(new EntrepreneurDetails(applicant.FullName, applicant.Phone.Length == 0 ? null : applicant.Phone, null), Entrepreneur.Context(id)),
            ReferralId = message.ReferralId, ReferralCode = message.ReferenceCode, ReferralCaseId = message.CaseId,
            RegisteredBy = "referral", RegisteredAt = clock.GetUtcNow(),
        });
        // Her audit log starts with who brought her details here: the referring desk's district, through cases.
        audit.Record($"cases referral {message.ReferenceCode}", null, id, "create", "entrepreneur");
        logger.LogInformation("Referral {ReferralCode} became applicant {EntrepreneurId}", message.ReferenceCode, id);
    }
}
