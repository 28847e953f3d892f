using Platform.Messaging.Extensions;
using Platform.Notifications.Composition;
using Platform.Notifications.Delivery;
using Platform.Notifications.IntegrationEvents;

namespace Platform.Notifications.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>("notificationsdb");
        builder.AddPlatformMessaging<NotificationsDbContext>(bus =>
        {
            bus.AddConsumer<MeetingScheduledConsumer>();
            bus.AddConsumer<MeetingRescheduledConsumer>();
            bus.AddConsumer<MeetingCancelledConsumer>();
            bus.AddConsumer<InviteeAddedConsumer>();
            bus.AddConsumer<InviteeRemovedConsumer>();
            bus.AddConsumer<MinutesPublishedConsumer>();
            bus.AddConsumer<ActionItemOverdueConsumer>();
            bus.AddConsumer<ReferralMadeConsumer>();
            bus.AddConsumer<TrainingScheduledConsumer>();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Notifications:Sender").Get<SenderOptions>() ?? new SenderOptions());
        builder.Services.AddSingleton(builder.Configuration.GetSection("Notifications:Delivery").Get<DeliveryOptions>() ?? new DeliveryOptions());
        builder.Services.AddSingleton(SmtpSettings.From(builder.Configuration));
        builder.Services.AddSingleton<EmailTemplates>();
        // Training invitees arrive sealed by livelihoods (PersonalData:SharingKey, the secret the two share).
        builder.Services.AddSingleton(_ => new Platform.Security.Sharing.SharedEnvelope(builder.Configuration["PersonalData:SharingKey"]
            ?? throw new InvalidOperationException("PersonalData:SharingKey is not set: notifications cannot open the training invitations livelihoods seals.")));
        builder.Services.AddSingleton<EmailComposer>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddScoped<DeliveryLog>();
        builder.Services.AddSingleton<EmailDelivery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmailDelivery>());
    }
}
