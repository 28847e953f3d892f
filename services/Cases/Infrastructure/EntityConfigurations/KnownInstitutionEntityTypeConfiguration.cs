using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Cases.Model;

namespace Platform.Cases.Infrastructure.EntityConfigurations;

internal sealed class KnownInstitutionEntityTypeConfiguration : IEntityTypeConfiguration<KnownInstitution>
{
    public void Configure(EntityTypeBuilder<KnownInstitution> institution)
    {
        institution.ToTable("institutions");
        // The id is the meetings service's: never generated here.
        institution.Property(i => i.Id).ValueGeneratedNever();
        institution.Property(i => i.Name).HasMaxLength(200);
        institution.Property(i => i.Kind).HasMaxLength(40);
        institution.Property(i => i.District).HasMaxLength(40);
    }
}
