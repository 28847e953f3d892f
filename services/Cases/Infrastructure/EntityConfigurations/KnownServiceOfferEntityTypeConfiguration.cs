using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Cases.ServiceOffers;

namespace Platform.Cases.Infrastructure.EntityConfigurations;

public sealed class KnownServiceOfferEntityTypeConfiguration : IEntityTypeConfiguration<KnownServiceOffer>
{
    public void Configure(EntityTypeBuilder<KnownServiceOffer> offer)
    {
        offer.ToTable("service_offers");
        // The id is the meetings service's: never generated here.
        offer.Property(o => o.Id).ValueGeneratedNever();
        offer.HasIndex(o => o.InstitutionId);
        offer.HasIndex(o => o.Category);
        offer.Property(o => o.Category).HasMaxLength(40);
        offer.Property(o => o.NameTr).HasMaxLength(200);
        offer.Property(o => o.NameAr).HasMaxLength(200);
        offer.Property(o => o.NameEn).HasMaxLength(200);
        offer.Property(o => o.Gender).HasMaxLength(10);
        offer.Property(o => o.RowVersion).IsRowVersion();
    }
}
