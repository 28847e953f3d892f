using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Gateway.Health;
using Platform.Gateway.Partners;
using Platform.Gateway.Proxy;
using Platform.Gateway.RateLimiting;
using Platform.Gateway.ServiceDiscovery;
using Platform.Gateway.Tokens;
using Platform.Security.Authorization;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Platform.Gateway.Extensions;

public static class Extensions
{
    /// <summary>gatewaydb (<c>ConnectionStrings:gatewaydb</c>) with OpenIddict's stores and the partner registry.</summary>
    public static IHostApplicationBuilder AddGatewayDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("gatewaydb")
            ?? throw new InvalidOperationException("ConnectionStrings:gatewaydb is not set: the gateway keeps partners and signing keys there.");
        builder.Services.AddDbContext<GatewayDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.ConfigureDataSource(dataSource => dataSource.TraceOnlyWithinTraces()))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict());
        builder.Services.AddOpenIddict().AddCore(core => core.UseEntityFrameworkCore().UseDbContext<GatewayDbContext>());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<PartnerRegistry>();
        return builder;
    }

    /// <summary>
    /// Migrates gatewaydb and, in development, seeds its partners: one gateway instance at a time (EF Core's own
    /// migration lock did not keep two instances starting together apart).
    /// </summary>
    public static async Task MigrateGatewayDatabaseAsync(this IServiceProvider services, bool seedDevelopmentPartners)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await using var turn = await MigrationTurn.TakeAsync(scope.ServiceProvider.GetRequiredService<IConfiguration>().GetConnectionString("gatewaydb")!);
        await db.Database.MigrateAsync();
        if (seedDevelopmentPartners) await DevelopmentPartners.SeedAsync(services);
    }

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.AddGatewayDatabase();
        builder.AddTokenServer();
        builder.Services.AddSingleton<ValidatedTokenCache>();
        builder.Services.AddAuthentication(AccessTokenAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .AddAuthenticationSchemes(AccessTokenAuthentication.SchemeName)
                .RequireAuthenticatedUser()
                .Build());
        builder.Services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(
            options => options.AddScopePolicies(AccessTokenAuthentication.SchemeName));
        builder.Services.AddScopeProblems();

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<PartnerDirectory>();
        builder.Services.AddPartnerRateLimiting(builder.Configuration);
        builder.Services.AddRequestTimeouts();
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.Of(builder.Configuration));

        builder.Services.AddReverseProxy().LoadFromMemory(ApiRoutes.Routes(builder.Configuration), ApiRoutes.Clusters(builder.Configuration));
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        // A killed instance is out after a few failed connections, not the default's ten.
        builder.Services.Configure<Yarp.ReverseProxy.Health.TransportFailureRateHealthPolicyOptions>(passive => passive.MinimalTotalCountThreshold = 3);

        var health = builder.Services.AddHealthChecks().AddDbContextCheck<GatewayDbContext>("database", tags: ["ready"]);
        // A service that is down degrades the gateway's report instead of failing it: the gateway
        // itself still serves every other service.
        foreach (var service in ApiRoutes.Services)
        {
            health.Add(new HealthCheckRegistration(
                service,
                sp => ActivatorUtilities.CreateInstance<DownstreamServiceHealthCheck>(sp, service),
                HealthStatus.Degraded,
                ["downstream"],
                TimeSpan.FromSeconds(3)));
        }
        builder.Services.AddHttpClient(DownstreamServiceHealthCheck.HttpClientName);
        return builder;
    }

    /// <summary>
    /// OpenIddict as the OAuth 2.0 token server (client credentials only). Access tokens are signed,
    /// unencrypted JWTs, so every service can validate them with the keys published at
    /// <c>/.well-known/jwks</c>; the gateway validates them with <see cref="AccessTokenAuthentication"/>.
    /// </summary>
    private static void AddTokenServer(this IHostApplicationBuilder builder)
    {
        var issuer = builder.Configuration["Authentication:Issuer"]
            ?? throw new InvalidOperationException(
                "Authentication:Issuer is not set: give the gateway's public base URL, e.g. Authentication__Issuer=https://api.example.org/ " +
                "(services validate tokens against it). The AppHost sets it in development.");
        var lifetime = builder.Configuration.GetValue("Authentication:AccessTokenLifetime", TimeSpan.FromHours(1));
        builder.Services.AddSingleton<KeyStore>();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<OpenIddict.Server.OpenIddictServerOptions>, StoredKeysConfiguration>();
        builder.Services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. PartnerScopes.All]);
                // Without a fixed issuer OpenIddict would name whatever host the caller used, and a
                // service configured with another spelling of the same address would refuse the token.
                server.SetIssuer(new Uri(issuer));
                server.SetAccessTokenLifetime(lifetime);
                server.DisableAccessTokenEncryption();
                // Client-credential tokens are self-contained: no row per token on the hot path.
                server.DisableTokenStorage();
                server.DisableAuthorizationStorage();
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    // TLS ends in front of the gateway (a load balancer) in production; see the README.
                    .DisableTransportSecurityRequirement();
            });
    }
}
