using Platform.Messaging.Extensions;
using Platform.Messaging.Inbox;
using Platform.Notifications.Composition;
using Platform.Notifications.Delivery;
using Platform.Notifications.IntegrationEvents;
using Platform.WebApi.PersonalData;

namespace Platform.Notifications.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>("notificationsdb",
            (services, options) => options.AddInterceptors(services.GetRequiredService<NewMailCommitInterceptor>()));
        builder.AddPlatformMessaging<NotificationsDbContext>(bus =>
        {
            bus.AddInboxConsumer<MeetingScheduledConsumer>();
            bus.AddInboxConsumer<MeetingRescheduledConsumer>();
            bus.AddInboxConsumer<MeetingCancelledConsumer>();
            bus.AddInboxConsumer<InviteeAddedConsumer>();
            bus.AddInboxConsumer<InviteeRemovedConsumer>();
            bus.AddInboxConsumer<MinutesPublishedConsumer>();
            bus.AddInboxConsumer<ActionItemOverdueConsumer>();
            bus.AddInboxConsumer<ReferralMadeConsumer>();
            bus.AddInboxConsumer<ReferralAnsweredConsumer>();
            bus.AddInboxConsumer<ReferralOverdueConsumer>();
            bus.AddInboxConsumer<TrainingScheduledConsumer>();
            bus.AddInboxConsumer<CaseTransferRequestedConsumer>();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Notifications:Sender").Get<SenderOptions>() ?? new SenderOptions());
        builder.Services.AddSingleton(builder.Configuration.GetSection("Notifications:Delivery").Get<DeliveryOptions>() ?? new DeliveryOptions());
        builder.Services.AddSingleton(SmtpSettings.From(builder.Configuration));
        builder.Services.AddSingleton<EmailTemplates>();
        // Training invitees arrive sealed by livelihoods (PersonalData:SharingKey, the secret the two share);
        // their messages are sealed at rest with this service's own keys (PersonalData:Keys, ActiveKey, HashKey).
        builder.AddPersonalDataProtection<NotificationsDbContext>();
        builder.Services.AddSingleton<EmailComposer>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddSingleton<NewMailCommitInterceptor>();
        builder.Services.AddScoped<DeliveryLog>();
        builder.Services.AddSingleton<EmailDelivery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmailDelivery>());
    }
}
