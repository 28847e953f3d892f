using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Meetings.Infrastructure.EntityConfigurations;

internal sealed class InstitutionEntityTypeConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> institution)
    {
        institution.ToTable("institutions");
        institution.Property(i => i.Name).HasMaxLength(Validation.InstitutionNameMaxLength);
        institution.Property(i => i.Kind).HasMaxLength(40);
        institution.Property(i => i.District).HasMaxLength(40);
        institution.HasIndex(i => i.District);
    }
}
