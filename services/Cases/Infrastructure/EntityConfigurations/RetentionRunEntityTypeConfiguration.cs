using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Cases.Infrastructure.EntityConfigurations;

public sealed class RetentionRunEntityTypeConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> run)
    {
        run.ToTable("retention_runs");
        run.HasIndex(r => r.StartedAt);
    }
}
