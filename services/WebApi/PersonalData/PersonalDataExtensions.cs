using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Security.Protection;
using Platform.Security.Sharing;

namespace Platform.WebApi.PersonalData;

public static class PersonalDataExtensions
{
    /// <summary>
    /// Sealing, keyed hashes and the shared envelope, from the <c>PersonalData</c> section (a secret store in
    /// production); a service holding personal data does not start without its keys. And the audit trail
    /// of <typeparamref name="TContext"/>'s <c>audit_log</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPersonalDataProtection<TContext>(this IHostApplicationBuilder builder) where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        builder.Services.AddOptions<PersonalDataOptions>().Bind(builder.Configuration.GetSection(PersonalDataOptions.Section))
            .Validate(options => !options.Problems().Any(), "PersonalData is not configured: see the README (PersonalData__Keys__1, PersonalData__HashKey, PersonalData__SharingKey).")
            .ValidateOnStart();
        builder.Services.AddSingleton<PersonalDataProtector>();
        builder.Services.AddSingleton(services => new SharedEnvelope(services.GetRequiredService<IOptions<PersonalDataOptions>>().Value.SharingKey));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped(services => new AuditTrail(services.GetRequiredService<TContext>(), services.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
