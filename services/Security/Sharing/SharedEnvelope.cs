using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.Security.Sharing;

/// <summary>
/// Personal data one service hands another through an event (a consented referral), sealed with
/// AES-256-GCM under a secret only the two services hold, so the sender's outbox, the broker and any
/// log of messages see ciphertext only. The context (e.g. <c>referral/{id}</c>) is bound as associated
/// data: a sealed value cannot be moved onto another event. Text form: base64 of nonce, tag, ciphertext.
/// </summary>
public sealed class SharedEnvelope
{
    private readonly byte[] _key;

    public SharedEnvelope(string secret)
    {
        if (secret.Length < 32) throw new ArgumentException("The sharing secret must be at least 32 characters (a generated secret).", nameof(secret));
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [], info: "platform/shared-envelope"u8.ToArray());
    }

    public string Seal<T>(T value, string context)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(value);
        var sealedValue = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(sealedValue.AsSpan(0, 12));
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(sealedValue.AsSpan(0, 12), plain, sealedValue.AsSpan(28), sealedValue.AsSpan(12, 16), Encoding.UTF8.GetBytes(context));
        return Convert.ToBase64String(sealedValue);
    }

    public T Open<T>(string sealedText, string context)
    {
        var sealedValue = Convert.FromBase64String(sealedText);
        if (sealedValue.Length < 28) throw new CryptographicException("Not a sealed envelope.");
        var plain = new byte[sealedValue.Length - 28];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(sealedValue.AsSpan(0, 12), sealedValue.AsSpan(28), sealedValue.AsSpan(12, 16), plain, Encoding.UTF8.GetBytes(context));
        return JsonSerializer.Deserialize<T>(plain)!;
    }

    /// <summary>The context a referral's applicant is sealed under.</summary>
    public static string ReferralContext(Guid referralId) => $"referral/{referralId}/applicant";

    /// <summary>The context a training's invitees are sealed under.</summary>
    public static string TrainingContext(Guid trainingId) => $"training/{trainingId}/invitees";
}
