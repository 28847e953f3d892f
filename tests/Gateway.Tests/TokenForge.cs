using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>Tokens the token endpoint would never issue: signed by a stranger's key, or by the real key but expired.</summary>
internal static class TokenForge
{
    public static string SignedByAStranger(TestApplication app)
    {
        using var stranger = RSA.Create(2048);
        return Create(app, new RsaSecurityKey(stranger.ExportParameters(true)) { KeyId = "stranger" }, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1));
    }

    /// <summary>Signed with the gateway's own key (read from gatewaydb), valid in every way but time.</summary>
    public static async Task<string> ExpiredAsync(TestApplication app)
    {
        await using var db = new NpgsqlConnection(app.GetConnectionString("gatewaydb"));
        await db.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT private_key_pem FROM signing_keys WHERE purpose = 'signing'", db);
        var rsa = RSA.Create();
        rsa.ImportFromPem((string)(await query.ExecuteScalarAsync())!);
        var keyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 16).ToArray());
        return Create(app, new RsaSecurityKey(rsa) { KeyId = keyId }, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1));
    }

    private static string Create(TestApplication app, SecurityKey key, DateTime issuedAt, DateTime expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = app.GetEndpoint("gateway") + "/",
            Audience = "platform",
            TokenType = "at+jwt",
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "platform-dev",
                ["client_id"] = "platform-dev",
                ["scope"] = "meetings.read meetings.write cases.read cases.write",
                ["district"] = "*",
            },
        });
}
