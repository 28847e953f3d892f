using Platform.Messaging;

namespace Platform.Livelihoods.Infrastructure;

public sealed class LivelihoodsDbContext(DbContextOptions<LivelihoodsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LivelihoodsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
