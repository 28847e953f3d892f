using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Livelihoods.Infrastructure.EntityConfigurations;

public sealed class CohortEntityTypeConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> cohort)
    {
        cohort.ToTable("cohorts");
        cohort.HasIndex(c => c.District);
        cohort.Property(c => c.Name).HasMaxLength(200);
        cohort.Property(c => c.District).HasMaxLength(40);
        cohort.HasMany(c => c.Workshops).WithOne().HasForeignKey(w => w.CohortId);
    }
}

public sealed class WorkshopEntityTypeConfiguration : IEntityTypeConfiguration<Workshop>
{
    public void Configure(EntityTypeBuilder<Workshop> workshop)
    {
        workshop.ToTable("workshops");
        workshop.Property(w => w.Kind).HasMaxLength(20);
        workshop.Property(w => w.Name).HasMaxLength(200);
        workshop.Property(w => w.Location).HasMaxLength(300);
    }
}

public sealed class EntrepreneurEntityTypeConfiguration : IEntityTypeConfiguration<Entrepreneur>
{
    public void Configure(EntityTypeBuilder<Entrepreneur> entrepreneur)
    {
        entrepreneur.ToTable("entrepreneurs");
        entrepreneur.HasIndex(e => e.ReferenceCode).IsUnique();
        entrepreneur.HasIndex(e => e.ReferralId).IsUnique();
        entrepreneur.HasIndex(e => new { e.WorkshopId, e.Status });
        entrepreneur.HasIndex(e => new { e.District, e.Status });
        entrepreneur.Property(e => e.ReferenceCode).HasMaxLength(20);
        entrepreneur.Property(e => e.District).HasMaxLength(40);
        entrepreneur.Property(e => e.Language).HasMaxLength(2);
        entrepreneur.Property(e => e.Status).HasMaxLength(20);
        entrepreneur.Property(e => e.WithdrawalReason).HasMaxLength(500);
        entrepreneur.Property(e => e.ReferralCode).HasMaxLength(20);
        entrepreneur.Property(e => e.RegisteredBy).HasMaxLength(100);
        entrepreneur.Property(e => e.Version).IsRowVersion();
    }
}

public sealed class ProductEntityTypeConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable("products");
        product.HasIndex(p => p.EntrepreneurId);
        product.Property(p => p.Name).HasMaxLength(200);
        product.Property(p => p.Unit).HasMaxLength(40);
    }
}

public sealed class SaleEntityTypeConfiguration : IEntityTypeConfiguration<Sale>
{
    public void Configure(EntityTypeBuilder<Sale> sale)
    {
        sale.ToTable("sales");
        sale.HasIndex(s => new { s.EntrepreneurId, s.SoldOn });
        sale.HasIndex(s => new { s.CohortId, s.SoldOn });
        sale.HasIndex(s => new { s.District, s.SoldOn });
        // One reversal per sale at most.
        sale.HasIndex(s => s.Reverses).IsUnique();
        sale.Property(s => s.District).HasMaxLength(40);
        sale.Property(s => s.Channel).HasMaxLength(20);
        sale.Property(s => s.Quantity).HasPrecision(12, 3);
        sale.Property(s => s.UnitPrice).HasPrecision(14, 2);
        sale.Property(s => s.Total).HasPrecision(14, 2);
        sale.Property(s => s.Reason).HasMaxLength(500);
        sale.Property(s => s.RecordedBy).HasMaxLength(100);
    }
}

public sealed class TrainingEntityTypeConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> training)
    {
        training.ToTable("trainings");
        training.HasIndex(t => new { t.CohortId, t.StartsAt });
        training.Property(t => t.Topic).HasMaxLength(40);
        training.Property(t => t.Title).HasMaxLength(200);
        training.Property(t => t.Location).HasMaxLength(300);
        training.HasMany(t => t.Attendance).WithOne().HasForeignKey(a => a.TrainingId);
    }
}

public sealed class AttendanceEntityTypeConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> attendance)
    {
        attendance.ToTable("attendance");
        attendance.HasKey(a => new { a.TrainingId, a.EntrepreneurId });
    }
}

public sealed class LicenceStepEntityTypeConfiguration : IEntityTypeConfiguration<LicenceStep>
{
    public void Configure(EntityTypeBuilder<LicenceStep> step)
    {
        step.ToTable("licence_steps");
        step.HasIndex(s => new { s.EntrepreneurId, s.Step }).IsUnique();
        step.Property(s => s.Step).HasMaxLength(40);
        step.Property(s => s.LicenceNumber).HasMaxLength(60);
        step.Property(s => s.RecordedBy).HasMaxLength(100);
    }
}

public sealed class KnownInstitutionEntityTypeConfiguration : IEntityTypeConfiguration<KnownInstitution>
{
    public void Configure(EntityTypeBuilder<KnownInstitution> institution)
    {
        KnownInstitutions.Configure(institution);
        // The demo pilot finds its municipality by name, kind and district.
        institution.HasIndex(i => new { i.District, i.Kind });
    }
}
