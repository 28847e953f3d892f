using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Security.Authorization;

namespace Platform.Security.Authentication;

public static class PartnerAuthentication
{
    /// <summary>
    /// A service validates the gateway's access tokens itself (signature, issuer, audience, lifetime),
    /// fetching the signing keys from the gateway's discovery document, and refuses every endpoint that
    /// does not say otherwise: a service is never open because a request got past the gateway.
    /// </summary>
    public static IHostApplicationBuilder AddPartnerAuthentication(this IHostApplicationBuilder builder)
    {
        var settings = AuthenticationSettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = settings.Authority;
            if (settings.MetadataAddress is not null) options.MetadataAddress = settings.MetadataAddress;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.Audience = PartnerClaims.Audience;
            // Keep the token's own claim names (client_id, scope, district) rather than legacy SOAP URIs.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = PartnerClaims.ClientId;
            // A service that started before the gateway asks again soon instead of after the 5-minute default.
            options.RefreshInterval = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.Configure<AuthorizationOptions>(options => options.AddScopePolicies());
        builder.Services.AddScopeProblems();
        return builder;
    }
}

/// <summary>Where the issuer of partner tokens (the gateway) is: <c>Authentication:Authority</c>.</summary>
public sealed record AuthenticationSettings(string Authority, string? MetadataAddress, bool RequireHttpsMetadata)
{
    public Uri TokenEndpoint => new(new Uri(Authority.TrimEnd('/') + "/"), "connect/token");

    public static AuthenticationSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Authentication");
        var authority = section["Authority"]
            ?? throw new InvalidOperationException(
                "Authentication:Authority is not set: give the gateway's public base URL (the token issuer), " +
                "e.g. Authentication__Authority=https://api.example.org/. The AppHost sets it in development.");
        return new AuthenticationSettings(
            authority,
            section["MetadataAddress"],
            section.GetValue("RequireHttpsMetadata", !environment.IsDevelopment()));
    }
}
