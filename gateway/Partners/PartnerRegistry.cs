using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenIddict.Abstractions;
using Platform.Contracts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Gateway.Partners;

/// <summary>What an operator asks for when registering a partner system.</summary>
public sealed record PartnerRegistration(
    string Name,
    IReadOnlyCollection<string> Scopes,
    IReadOnlyCollection<string> Districts,
    string? ClientId = null,
    string? Institution = null,
    int? RateLimitPerMinute = null);

public sealed record PartnerListing(
    string ClientId, string Name, string? Institution, IReadOnlyList<string> Scopes, IReadOnlyList<string> Districts,
    int RateLimitPerMinute, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt);

/// <summary>A request the registry refuses, with a message for the operator.</summary>
public sealed class PartnerRegistryException(string message) : Exception(message);

/// <summary>
/// Registers partner systems: an OpenIddict confidential client (secret stored hashed, scopes as
/// permissions) and its profile, in one transaction. Secrets are generated here and shown once.
/// </summary>
public sealed class PartnerRegistry(GatewayDbContext db, IOpenIddictApplicationManager applications, TimeProvider clock, IConfiguration configuration)
{
    public int DefaultRateLimitPerMinute => configuration.GetValue("RateLimiting:DefaultPerMinute", 600);

    public async Task<string> AddAsync(PartnerRegistration registration, string? secret = null, CancellationToken cancellationToken = default)
    {
        var clientId = registration.ClientId ?? ClientIdFrom(registration.Name);
        var scopes = ValidScopes(registration.Scopes);
        var districts = ValidDistricts(registration.Districts);
        var rateLimit = registration.RateLimitPerMinute ?? DefaultRateLimitPerMinute;
        if (string.IsNullOrWhiteSpace(registration.Name)) throw new PartnerRegistryException("A partner needs a name.");
        if (rateLimit < 1) throw new PartnerRegistryException("The rate limit is a number of requests per minute, at least 1.");
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
            throw new PartnerRegistryException($"A partner with client id '{clientId}' exists already.");

        secret ??= NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = registration.Name.Trim(),
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.CreateAsync(descriptor, cancellationToken);
        db.Partners.Add(new PartnerProfile
        {
            ClientId = clientId,
            Name = registration.Name.Trim(),
            Institution = registration.Institution ?? clientId,
            Districts = districts,
            RateLimitPerMinute = rateLimit,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return secret;
    }

    public async Task<IReadOnlyList<PartnerListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        var listings = new List<PartnerListing>();
        foreach (var partner in await db.Partners.AsNoTracking().OrderBy(p => p.ClientId).ToListAsync(cancellationToken))
        {
            var application = await applications.FindByClientIdAsync(partner.ClientId, cancellationToken);
            var scopes = application is null ? [] : (await applications.GetPermissionsAsync(application, cancellationToken))
                .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..])
                .Order(StringComparer.Ordinal)
                .ToList();
            listings.Add(new PartnerListing(partner.ClientId, partner.Name, partner.Institution, scopes, partner.Districts,
                partner.RateLimitPerMinute, partner.CreatedAt, partner.DisabledAt));
        }
        return listings;
    }

    /// <summary>A new secret replaces the old one at once; tokens already issued run out on their own.</summary>
    public async Task<string> RotateSecretAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var (partner, application) = await FindAsync(clientId, cancellationToken);
        if (partner.DisabledAt is not null) throw new PartnerRegistryException($"'{clientId}' is disabled.");
        var secret = NewSecret();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.UpdateAsync(application, secret, cancellationToken);
        partner.SecretRotatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return secret;
    }

    /// <summary>No new tokens; the gateway refuses the partner's existing tokens within its cache window.</summary>
    public async Task DisableAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var (partner, application) = await FindAsync(clientId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Nobody learns this secret: the old one stops working with the disabling.
        await applications.UpdateAsync(application, NewSecret(), cancellationToken);
        partner.DisabledAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<(PartnerProfile Partner, object Application)> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.ClientId == clientId, cancellationToken);
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (partner is null || application is null) throw new PartnerRegistryException($"No partner has client id '{clientId}'.");
        return (partner, application);
    }

    private static string[] ValidScopes(IReadOnlyCollection<string> requested)
    {
        var unknown = requested.Where(s => !PartnerScopes.Descriptions.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
            throw new PartnerRegistryException($"Unknown scope(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", PartnerScopes.All)}.");
        if (requested.Count == 0) throw new PartnerRegistryException("A partner needs at least one scope.");
        return requested.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string[] ValidDistricts(IReadOnlyCollection<string> requested)
    {
        if (requested.Contains(PartnerClaims.AllDistricts) || requested.Contains("all")) return [PartnerClaims.AllDistricts];
        var codes = requested.Select(ClientIdFrom).ToList();
        var unknown = codes.Where(c => !Districts.Codes.Contains(c)).ToList();
        if (unknown.Count > 0)
            throw new PartnerRegistryException($"Unknown district(s): {string.Join(", ", unknown)}. Use Istanbul district codes (umraniye, gaziosmanpasa, ...) or 'all'.");
        if (codes.Count == 0) throw new PartnerRegistryException("A partner needs at least one district, or 'all'.");
        return codes.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// A lower-case ASCII slug: "Ümraniye Desk" becomes <c>umraniye-desk</c>. Turkish letters are mapped
    /// on purpose (ı and İ both to i), not left to a culture's case rules.
    /// </summary>
    public static string ClientIdFrom(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var mapped = c switch
            {
                'ı' or 'İ' or 'I' => 'i',
                'ş' or 'Ş' => 's',
                'ğ' or 'Ğ' => 'g',
                'ü' or 'Ü' => 'u',
                'ö' or 'Ö' => 'o',
                'ç' or 'Ç' => 'c',
                _ => char.ToLowerInvariant(c),
            };
            if (mapped is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(mapped);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
