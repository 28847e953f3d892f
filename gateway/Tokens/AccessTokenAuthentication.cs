using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Platform.Gateway.Tokens;

/// <summary>
/// The gateway's check of a partner's bearer token: signature (the token server's own keys), issuer,
/// audience, type and lifetime. A token seen before is answered from a bounded cache until it expires,
/// so the hot path does no signature work: the same bytes always validate the same way, and a
/// disabled partner is refused separately (PartnerStanding).
/// </summary>
public sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<OpenIddictServerOptions> server,
    ValidatedTokenCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "partner-token";
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();

        if (cache.TryGet(token, clock.GetUtcNow(), out var known)) return Success(known);

        var result = await Handler.ValidateTokenAsync(token, Parameters());
        if (!result.IsValid) return AuthenticateResult.Fail(result.Exception?.Message ?? "The access token is not valid.");
        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        cache.Add(token, principal, new DateTimeOffset(((JsonWebToken)result.SecurityToken).ValidTo, TimeSpan.Zero));
        return Success(principal);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Request.Headers.Authorization.Count > 0 ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Task.CompletedTask;
    }

    private AuthenticateResult Success(ClaimsPrincipal principal) => AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));

    private TokenValidationParameters Parameters()
    {
        var tokenServer = server.CurrentValue;
        return new TokenValidationParameters
        {
            ValidIssuer = tokenServer.Issuer!.AbsoluteUri,
            ValidAudience = PartnerClaims.Audience,
            IssuerSigningKeys = tokenServer.SigningCredentials.Select(c => c.Key),
            ValidTypes = ["at+jwt"],
            NameClaimType = PartnerClaims.ClientId,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
    }
}

/// <summary>Tokens already validated, until their expiry; bounded so that a flood of distinct tokens cannot grow it.</summary>
public sealed class ValidatedTokenCache : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public bool TryGet(string token, DateTimeOffset now, out ClaimsPrincipal principal)
    {
        if (_entries.TryGetValue(token, out (ClaimsPrincipal Principal, DateTimeOffset Expires) entry) && entry.Expires > now)
        {
            principal = entry.Principal;
            return true;
        }
        principal = null!;
        return false;
    }

    public void Add(string token, ClaimsPrincipal principal, DateTimeOffset expires) =>
        _entries.Set(token, (principal, expires), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expires });

    public void Dispose() => _entries.Dispose();
}
