using Microsoft.Extensions.Caching.Memory;

namespace Platform.Gateway.Partners;

/// <summary>What the edge needs to know of a partner on every request.</summary>
public sealed record PartnerStanding(bool Active, int RateLimitPerMinute);

/// <summary>
/// Partner standing, read from gatewaydb and kept for <see cref="CacheFor"/>: long enough to keep the
/// database off the hot path, short enough that disabling a partner bites within half a minute.
/// </summary>
public sealed class PartnerDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async ValueTask<PartnerStanding> GetAsync(string clientId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(clientId), out PartnerStanding? standing)) return standing!;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var partner = await db.Partners.AsNoTracking()
            .Where(p => p.ClientId == clientId)
            .Select(p => new { p.DisabledAt, p.RateLimitPerMinute })
            .SingleOrDefaultAsync(cancellationToken);
        standing = partner is null ? new PartnerStanding(false, 0) : new PartnerStanding(partner.DisabledAt is null, partner.RateLimitPerMinute);
        return cache.Set(Key(clientId), standing, CacheFor);
    }

    private static string Key(string clientId) => "partner:" + clientId;
}
