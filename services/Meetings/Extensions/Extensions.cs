using Platform.Messaging.Extensions;

namespace Platform.Meetings.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<MeetingsDbContext>("meetingsdb");
        builder.AddPlatformMessaging<MeetingsDbContext>();
    }
}
