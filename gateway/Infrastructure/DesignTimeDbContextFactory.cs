using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Gateway.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the gateway or reaching a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GatewayDbContext>
{
    public GatewayDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<GatewayDbContext>()
        .UseNpgsql("Host=localhost;Database=gatewaydb")
        .UseSnakeCaseNamingConvention()
        .UseOpenIddict()
        .Options);
}
