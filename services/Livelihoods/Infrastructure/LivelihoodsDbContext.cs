using Platform.Messaging;
using Platform.WebApi.Idempotency;

namespace Platform.Livelihoods.Infrastructure;

public sealed class LivelihoodsDbContext(DbContextOptions<LivelihoodsDbContext> options) : DbContext(options)
{
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<Entrepreneur> Entrepreneurs => Set<Entrepreneur>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Sale> Sales => Set<Sale>();
    public DbSet<Training> Trainings => Set<Training>();
    public DbSet<LicenceStep> LicenceSteps => Set<LicenceStep>();
    public DbSet<KnownInstitution> Institutions => Set<KnownInstitution>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LivelihoodsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotency();
        modelBuilder.AddAuditLog();
    }
}
