using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Cases.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service or reaching a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CasesDbContext>
{
    public CasesDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<CasesDbContext>()
        .UseNpgsql("Host=localhost;Database=casesdb")
        .UseSnakeCaseNamingConvention()
        .Options);
}
