using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Livelihoods.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service or reaching a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LivelihoodsDbContext>
{
    public LivelihoodsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<LivelihoodsDbContext>()
        .UseNpgsql("Host=localhost;Database=livelihoodsdb")
        .UseSnakeCaseNamingConvention()
        .Options);
}
