using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Gateway.Partners;

namespace Platform.Gateway.RateLimiting;

/// <summary>
/// A token bucket per partner: a burst of its per-minute allowance, refilled continuously (a sixtieth of it
/// a second), shared by every gateway instance through gatewaydb (<see cref="SharedTokenBuckets"/>). Callers
/// without a token share a bucket per IP address at the default allowance, kept by each instance: it guards
/// against floods, and a row per address ever seen is not worth keeping.
/// </summary>
public static class PartnerRateLimiting
{
    private const string StandingItem = "platform.partner-standing";

    public static IServiceCollection AddPartnerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var anonymousPerMinute = configuration.GetValue("RateLimiting:DefaultPerMinute", 600);
        services.AddSingleton(_ => new SharedTokenBuckets(Npgsql.NpgsqlDataSource.Create(configuration.GetConnectionString("gatewaydb")
            ?? throw new InvalidOperationException("ConnectionStrings:gatewaydb is not set: the partners' rate-limit buckets live there."))));
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var standing = context.Items[StandingItem] as PartnerStanding;
                return standing is null
                    ? Bucket("ip:" + context.Connection.RemoteIpAddress, anonymousPerMinute)
                    // The allowance is part of the key, so a changed limit takes effect with a fresh bucket.
                    : SharedBucket(context, $"partner:{context.User.FindFirst(PartnerClaims.ClientId)?.Value}:{standing.RateLimitPerMinute}", standing.RateLimitPerMinute);
            });
            options.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ProblemResponses.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This client's request allowance is used up; try again in {seconds} s.");
            };
        });
        return services;
    }

    private static RateLimitPartition<string> SharedBucket(HttpContext context, string key, int perMinute) =>
        RateLimitPartition.Get(key, _ => new SharedBucketLimiter(key, perMinute, perMinute / 60.0,
            context.RequestServices.GetRequiredService<SharedTokenBuckets>(),
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PartnerRateLimiting))));

    private static RateLimitPartition<string> Bucket(string key, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(perMinute / 60.0)),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>
    /// Before the limiter: looks up the caller's standing (cached), refuses a disabled partner's
    /// still-valid tokens, and hands the allowance to the limiter.
    /// </summary>
    public static IApplicationBuilder UsePartnerStanding(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var clientId = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(PartnerClaims.ClientId)?.Value : null;
        if (clientId is not null)
        {
            var standing = await context.RequestServices.GetRequiredService<PartnerDirectory>().GetAsync(clientId, context.RequestAborted);
            if (!standing.Active)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await ProblemResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, "Partner disabled",
                    $"'{clientId}' is no longer an active partner of the platform.");
                return;
            }
            context.Items[StandingItem] = standing;
        }
        await next(context);
    });
}
