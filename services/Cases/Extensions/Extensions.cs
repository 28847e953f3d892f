using Platform.Cases.IntegrationEvents;
using Platform.Messaging.Extensions;
using Platform.Messaging.Inbox;
using Platform.WebApi.Idempotency;
using Platform.WebApi.PersonalData;

namespace Platform.Cases.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CasesDbContext>("casesdb");
        builder.AddPlatformMessaging<CasesDbContext>(bus =>
        {
            bus.AddInboxConsumer<InstitutionRegisteredConsumer>();
            bus.AddInboxConsumer<ContactRegisteredConsumer>();
            bus.AddInboxConsumer<ReferralAnsweredConsumer>();
            bus.AddInboxConsumer<ServiceOfferPublishedConsumer>();
            bus.AddInboxConsumer<ServiceOfferChangedConsumer>();
            bus.AddInboxConsumer<ServiceOfferWithdrawnConsumer>();
        });
        builder.Services.AddIdempotentPosts<CasesDbContext>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPersonalDataProtection<CasesDbContext>();
        builder.Services.AddScoped<DuplicateAssistanceCheck>();
        builder.Services.AddScoped<Platform.Cases.Rights.PersonErasure>();
        builder.Services.AddScoped<WhoDoesWhatWhere>();
        builder.Services.AddScoped<DistrictBriefing>();
        builder.Services.AddSingleton<OverdueReferralReminders>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OverdueReferralReminders>());
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RetentionJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
    }
}
