using Platform.Livelihoods.IntegrationEvents;
using Platform.Messaging.Extensions;
using Platform.Messaging.Inbox;
using Platform.WebApi.Idempotency;
using Platform.WebApi.PersonalData;

namespace Platform.Livelihoods.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<LivelihoodsDbContext>("livelihoodsdb");
        builder.AddPlatformMessaging<LivelihoodsDbContext>(bus =>
        {
            bus.AddInboxConsumer<ReferralMadeConsumer>();
            bus.AddInboxConsumer<BeneficiaryErasedConsumer>();
            bus.AddInboxConsumer<InstitutionRegisteredConsumer>();
        });
        builder.Services.AddIdempotentPosts<LivelihoodsDbContext>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPersonalDataProtection<LivelihoodsDbContext>();
        builder.Services.AddSingleton<InviteeEnvelope>();
        builder.Services.AddScoped<Placement>();
        builder.Services.AddScoped<ProgrammeFigures>();
    }
}
