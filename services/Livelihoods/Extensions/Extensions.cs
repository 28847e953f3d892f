using Platform.Messaging.Extensions;

namespace Platform.Livelihoods.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<LivelihoodsDbContext>("livelihoodsdb");
        builder.AddPlatformMessaging<LivelihoodsDbContext>();
    }
}
