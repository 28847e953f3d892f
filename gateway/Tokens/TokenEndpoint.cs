using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Gateway.Tokens;

/// <summary>
/// <c>POST /connect/token</c>, client credentials. OpenIddict has already checked the client's secret
/// and that every requested scope is permitted to it; this decides what the token says.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, IssueToken).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> IssueToken(HttpContext http, IOpenIddictApplicationManager applications, GatewayDbContext db)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server did not handle this request.");
        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == request.ClientId, http.RequestAborted);
        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted);
        if (partner is null || partner.DisabledAt is not null || application is null)
            return Refuse(Errors.InvalidClient, "This client is not an active partner of the platform.");

        // No scope asked for: the token carries every scope the partner holds.
        var scopes = request.GetScopes();
        if (scopes.IsEmpty)
        {
            scopes = (await applications.GetPermissionsAsync(application, http.RequestAborted))
                .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..])
                .ToImmutableArray();
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, partner.ClientId);
        identity.SetClaim(Claims.Name, partner.Name);
        identity.SetClaim(PartnerClaims.Institution, partner.Institution);
        identity.SetClaims(PartnerClaims.District, [.. partner.Districts]);
        identity.SetScopes(scopes);
        identity.SetResources(PartnerClaims.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
