using Platform.Meetings.ActionItems;
using Platform.Meetings.Scheduling;
using Platform.Messaging.Extensions;
using Platform.Messaging.Inbox;
using Platform.WebApi.Idempotency;

namespace Platform.Meetings.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<MeetingsDbContext>("meetingsdb");
        builder.AddPlatformMessaging<MeetingsDbContext>(bus =>
        {
            // The directory's load figures: referrals to service offers and their answers, from cases.
            bus.AddInboxConsumer<ReferralMadeConsumer>();
            bus.AddInboxConsumer<ReferralAnsweredConsumer>();
        });
        builder.Services.AddIdempotentPosts<MeetingsDbContext>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LinkSigner>();
        builder.Services.AddScoped<MeetingSnapshots>();
        builder.Services.AddScoped<MeetingScheduling>();
        builder.Services.AddScoped<StakeholderDirectory>();
        builder.Services.AddScoped<ServiceOfferCatalogue>();
        builder.Services.AddScoped<OfferLoads>();
        builder.Services.AddSingleton<OverdueActionItemReminders>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OverdueActionItemReminders>());
    }
}
