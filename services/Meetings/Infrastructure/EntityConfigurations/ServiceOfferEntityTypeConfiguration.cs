using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Meetings.Infrastructure.EntityConfigurations;

internal sealed class ServiceOfferEntityTypeConfiguration : IEntityTypeConfiguration<ServiceOffer>
{
    public void Configure(EntityTypeBuilder<ServiceOffer> offer)
    {
        offer.ToTable("service_offers");
        offer.Property(o => o.Category).HasMaxLength(40);
        offer.Property(o => o.NameTr).HasMaxLength(ServiceOfferValidation.NameMaxLength);
        offer.Property(o => o.NameAr).HasMaxLength(ServiceOfferValidation.NameMaxLength);
        offer.Property(o => o.NameEn).HasMaxLength(ServiceOfferValidation.NameMaxLength);
        offer.Property(o => o.SearchName).HasMaxLength(3 * ServiceOfferValidation.NameMaxLength + 2);
        offer.Property(o => o.Gender).HasMaxLength(10);
        offer.Property(o => o.EligibilityNotes).HasMaxLength(ServiceOfferValidation.NotesMaxLength);
        offer.Property(o => o.Phone).HasMaxLength(PhoneNumbers.MaxLength);
        offer.Property(o => o.Address).HasMaxLength(ServiceOfferValidation.AddressMaxLength);
        offer.Property(o => o.Hours).HasMaxLength(ServiceOfferValidation.HoursMaxLength);
        offer.Property(o => o.Status).HasMaxLength(20);
        // The version partners see as the ETag is the concurrency token: a change read from an older
        // version does not overwrite a newer one.
        offer.Property(o => o.Version).IsConcurrencyToken();
        offer.HasOne(o => o.Institution).WithMany().HasForeignKey(o => o.InstitutionId);
        offer.HasIndex(o => o.InstitutionId);
        // The directory asks which active offers serve a district: array containment, which GIN answers.
        offer.HasIndex(o => o.Districts).HasMethod("gin");
        offer.HasIndex(o => new { o.Status, o.Category });
    }
}

internal sealed class OfferReferralEntityTypeConfiguration : IEntityTypeConfiguration<OfferReferral>
{
    public void Configure(EntityTypeBuilder<OfferReferral> referral)
    {
        referral.ToTable("offer_referrals");
        // The cases service's referral id: never generated here.
        referral.HasKey(r => r.ReferralId);
        referral.Property(r => r.ReferralId).ValueGeneratedNever();
        referral.Property(r => r.Status).HasMaxLength(20);
        // Two answers to one referral consumed at once ("completed", and a late "accepted") must not both
        // apply to the status they read: the second fails, is retried, and finds the referral closed.
        referral.Property(r => r.Status).IsConcurrencyToken();
        referral.HasIndex(r => r.ServiceOfferId);
    }
}
