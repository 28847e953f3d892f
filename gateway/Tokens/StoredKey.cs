namespace Platform.Gateway.Tokens;

/// <summary>An RSA key of the token server, kept so that tokens stay valid across restarts and instances.</summary>
public sealed class StoredKey
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    /// <summary><see cref="Signing"/> or <see cref="Encryption"/>.</summary>
    public required string Purpose { get; init; }
    /// <summary>The private key, PKCS#8 PEM. Access to gatewaydb is access to the platform: guard it.</summary>
    public required string PrivateKeyPem { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
