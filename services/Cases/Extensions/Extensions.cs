using Platform.Cases.IntegrationEvents;
using Platform.Messaging.Extensions;

namespace Platform.Cases.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CasesDbContext>("casesdb");
        builder.AddPlatformMessaging<CasesDbContext>(bus => bus.AddConsumer<InstitutionRegisteredConsumer>());
    }
}
