using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Testing;

/// <summary>
/// For a service hosted in-process by a test: an issuer the service is told to trust instead of the
/// gateway, signing tokens with the same claims the gateway puts in (client_id, scope, district).
/// </summary>
public static class TestTokenIssuer
{
    public const string Issuer = "http://issuer.test/";
    private static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "test" };

    /// <summary>Makes the service's JwtBearer validate this issuer's tokens without fetching any metadata.</summary>
    public static IServiceCollection TrustTestIssuer(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(SigningKey);
            options.Configuration = configuration;
            options.TokenValidationParameters.ValidIssuer = Issuer;
            options.TokenValidationParameters.IssuerSigningKey = SigningKey;
        });

    /// <summary>A bearer header for a partner with these scopes and districts (none given = all, <c>*</c>).</summary>
    public static AuthenticationHeaderValue Bearer(string clientId, string scopes, params string[] districts) =>
        Bearer(clientId, scopes, institution: null, districts);

    /// <summary>The same, for a partner that is one institution of the directory (it answers referrals made to it).</summary>
    public static AuthenticationHeaderValue Bearer(string clientId, string scopes, Guid? institution, params string[] districts) =>
        new("Bearer", new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "platform",
            TokenType = "at+jwt",
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = clientId,
                ["client_id"] = clientId,
                ["scope"] = scopes,
                ["district"] = districts.Length == 0 ? "*" : districts.Length == 1 ? districts[0] : districts,
            }.Concat(institution is { } id ? [KeyValuePair.Create("institution", (object)id.ToString())] : []).ToDictionary(),
        }));
}
