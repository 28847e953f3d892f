using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Cases.Infrastructure.EntityConfigurations;

internal sealed class KnownInstitutionEntityTypeConfiguration : IEntityTypeConfiguration<KnownInstitution>
{
    public void Configure(EntityTypeBuilder<KnownInstitution> institution) => KnownInstitutions.Configure(institution);
}
