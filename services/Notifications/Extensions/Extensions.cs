using Platform.Messaging.Extensions;
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
            bus.AddConsumer<MeetingScheduledConsumer>();
            bus.AddConsumer<MeetingRescheduledConsumer>();
            bus.AddConsumer<MeetingCancelledConsumer>();
            bus.AddConsumer<InviteeAddedConsumer>();
            bus.AddConsumer<InviteeRemovedConsumer>();
            bus.AddConsumer<MinutesPublishedConsumer>();
            bus.AddConsumer<ActionItemOverdueConsumer>();
            bus.AddConsumer<ReferralMadeConsumer>();
            bus.AddConsumer<ReferralAnsweredConsumer>();
            bus.AddConsumer<ReferralOverdueConsumer>();
            bus.AddConsumer<TrainingScheduledConsumer>();
            bus.AddConsumer<CaseTransferRequestedConsumer>();
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
