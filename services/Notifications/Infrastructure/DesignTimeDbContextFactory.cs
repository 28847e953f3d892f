using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Notifications.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service or reaching a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<NotificationsDbContext>()
        .UseNpgsql("Host=localhost;Database=notificationsdb")
        .UseSnakeCaseNamingConvention()
        .Options);
}
