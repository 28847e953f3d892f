using Microsoft.Extensions.Options;
using Platform.Cases.IntegrationEvents;
using Platform.Messaging.Extensions;
using Platform.WebApi.Idempotency;

namespace Platform.Cases.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CasesDbContext>("casesdb");
        builder.AddPlatformMessaging<CasesDbContext>(bus =>
        {
            bus.AddConsumer<InstitutionRegisteredConsumer>();
            bus.AddConsumer<ContactRegisteredConsumer>();
        });
        builder.Services.AddIdempotentPosts<CasesDbContext>();
        builder.Services.AddSingleton(TimeProvider.System);
        // The keys come from configuration (a secret store in production); a service without them does not start.
        builder.Services.AddOptions<PersonalDataOptions>().Bind(builder.Configuration.GetSection(PersonalDataOptions.Section))
            .Validate(options => !options.Problems().Any(), "PersonalData is not configured: see the README (PersonalData__Keys__1, PersonalData__HashKey).")
            .ValidateOnStart();
        builder.Services.AddSingleton<PersonalDataProtector>();
        builder.Services.AddSingleton(services => new Platform.Security.Sharing.SharedEnvelope(services.GetRequiredService<IOptions<PersonalDataOptions>>().Value.SharingKey));
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<DuplicateAssistanceCheck>();
    }
}
