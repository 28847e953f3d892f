using Platform.Cases.Model;
using Platform.Messaging;

namespace Platform.Cases.Infrastructure;

public sealed class CasesDbContext(DbContextOptions<CasesDbContext> options) : DbContext(options)
{
    public DbSet<KnownInstitution> Institutions => Set<KnownInstitution>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CasesDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
