using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Platform.Gateway.Tokens;

/// <summary>
/// The token server's keys, created once in gatewaydb and read by every start and every instance:
/// OpenIddict's development keys would change at each start and orphan every token in circulation.
/// </summary>
public sealed class KeyStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    public RsaSecurityKey Get(string purpose)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var stored = db.Keys.AsNoTracking().SingleOrDefault(k => k.Purpose == purpose) ?? Create(db, purpose);
        var rsa = RSA.Create();
        rsa.ImportFromPem(stored.PrivateKeyPem);
        return new RsaSecurityKey(rsa) { KeyId = KeyIdOf(rsa) };
    }

    private StoredKey Create(GatewayDbContext db, string purpose)
    {
        using var rsa = RSA.Create(2048);
        db.Keys.Add(new StoredKey { Purpose = purpose, PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem(), CreatedAt = clock.GetUtcNow() });
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            // Another instance created it first: use that one.
            db.ChangeTracker.Clear();
        }
        return db.Keys.AsNoTracking().Single(k => k.Purpose == purpose);
    }

    /// <summary>A key id derived from the public key, so it is the same at every start (the JWT <c>kid</c>).</summary>
    private static string KeyIdOf(RSA rsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 16).ToArray());
}

/// <summary>Hands the stored keys to OpenIddict when its options are first built (after migrations ran).</summary>
internal sealed class StoredKeysConfiguration(KeyStore keys) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        options.SigningCredentials.Add(new SigningCredentials(keys.Get(StoredKey.Signing), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            keys.Get(StoredKey.Encryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
