using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Meetings.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service or reaching a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MeetingsDbContext>
{
    public MeetingsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<MeetingsDbContext>()
        .UseNpgsql("Host=localhost;Database=meetingsdb")
        .UseSnakeCaseNamingConvention()
        .Options);
}
