using Platform.Gateway.Partners;
using Platform.Gateway.Tokens;

namespace Platform.Gateway.Infrastructure;

/// <summary>
/// The gateway's own database: OpenIddict's applications (client ids and hashed secrets, permitted
/// scopes), what the platform knows of each partner beyond that, and the token signing keys.
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    public DbSet<PartnerProfile> Partners => Set<PartnerProfile>();
    public DbSet<StoredKey> Keys => Set<StoredKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<PartnerProfile>(partner =>
        {
            partner.ToTable("partners");
            partner.HasKey(p => p.ClientId);
            partner.Property(p => p.ClientId).HasMaxLength(100);
            partner.Property(p => p.Name).HasMaxLength(200);
            partner.Property(p => p.Institution).HasMaxLength(100);
        });
        modelBuilder.Entity<StoredKey>(key =>
        {
            key.ToTable("signing_keys");
            key.HasKey(k => k.Purpose);
            key.Property(k => k.Purpose).HasMaxLength(20);
        });
    }
}
