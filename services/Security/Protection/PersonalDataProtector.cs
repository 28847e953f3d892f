using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Platform.Security.Protection;

/// <summary>
/// Seals personal data with AES-256-GCM under a key ring, and hashes identifiers with HMAC-SHA256, so a
/// database dump shows neither names, identity numbers nor phones, and no dictionary of identity numbers
/// can be hashed to find someone without the key. A sealed value is
/// <c>[format 1][key id][nonce 12][tag 16][ciphertext]</c>, bound to what it belongs to (associated data
/// such as <c>beneficiary/{id}</c>), so a value copied onto another record does not open.
/// Key id 0 marks a value sealed under a data key of its own (a person's, see <see cref="NewDataKey"/>),
/// which the caller keeps wrapped by the ring: destroying that key leaves the value unreadable, in backups too.
/// </summary>
public sealed class PersonalDataProtector
{
    private const byte Format = 1;
    private const byte OwnDataKey = 0;
    private readonly Dictionary<byte, byte[]> _keys;
    private readonly byte _activeKey;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        var settings = options.Value;
        var problems = settings.Problems().ToList();
        if (problems.Count > 0) throw new OptionsValidationException(PersonalDataOptions.Section, typeof(PersonalDataOptions), problems);
        // The derivation labels stay as first written: changing them would make every sealed value unreadable.
        _keys = settings.Keys.ToDictionary(k => byte.Parse(k.Key), k => Derive(k.Value, "platform/cases/personal-data/aes-gcm"));
        _activeKey = byte.Parse(settings.ActiveKey);
        _hashKey = Derive(settings.HashKey, "platform/cases/personal-data/hmac");
    }

    public byte[] Seal<T>(T value, string context) => SealBytes(JsonSerializer.SerializeToUtf8Bytes(value), context);

    public T Open<T>(byte[] sealedValue, string context) => JsonSerializer.Deserialize<T>(OpenBytes(sealedValue, context))!;

    public byte[] SealText(string text, string context) => SealBytes(Encoding.UTF8.GetBytes(text), context);

    public string OpenText(byte[] sealedValue, string context) => Encoding.UTF8.GetString(OpenBytes(sealedValue, context));

    /// <summary>A fresh random 256-bit data key, to be stored wrapped (<see cref="SealBytes(byte[], string)"/>) and destroyed to shred what it sealed.</summary>
    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Sealed under the given data key instead of the ring (key id 0).</summary>
    public byte[] Seal<T>(T value, string context, byte[] dataKey) => SealWith(JsonSerializer.SerializeToUtf8Bytes(value), context, OwnDataKey, dataKey);

    /// <summary>Opens a value sealed under the data key, or under the ring when it was sealed before it had one.</summary>
    public T Open<T>(byte[] sealedValue, string context, byte[]? dataKey) =>
        JsonSerializer.Deserialize<T>(sealedValue.Length > 1 && sealedValue[1] == OwnDataKey
            ? OpenWith(sealedValue, context, dataKey ?? throw new CryptographicException("Sealed under a data key of its own, which is not given (destroyed?)."))
            : OpenBytes(sealedValue, context))!;

    /// <summary>The keyed hash of an identifier for one purpose (<c>foreigner-id</c>, <c>date-of-birth</c>).</summary>
    public byte[] Hash(string purpose, string value) =>
        HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes($"{purpose}\n{value}"));

    /// <summary>Bytes as they are (a composed email, a document): sealed without a JSON round trip.</summary>
    public byte[] SealBytes(byte[] plain, string context) => SealWith(plain, context, _activeKey, _keys[_activeKey]);

    public byte[] OpenBytes(byte[] sealedValue, string context)
    {
        if (sealedValue.Length < 30 || sealedValue[0] != Format)
            throw new CryptographicException("Not a sealed value of a known format.");
        if (!_keys.TryGetValue(sealedValue[1], out var key))
            throw new CryptographicException(sealedValue[1] == OwnDataKey ? "Sealed under a data key of its own, not the ring."
                : $"Key {sealedValue[1]} of the ring is not configured: it is needed to open older data.");
        return OpenWith(sealedValue, context, key);
    }

    private static byte[] SealWith(byte[] plain, string context, byte keyId, byte[] key)
    {
        var sealedValue = new byte[2 + 12 + 16 + plain.Length];
        sealedValue[0] = Format;
        sealedValue[1] = keyId;
        var nonce = sealedValue.AsSpan(2, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(30), sealedValue.AsSpan(14, 16), Encoding.UTF8.GetBytes(context));
        return sealedValue;
    }

    private static byte[] OpenWith(byte[] sealedValue, string context, byte[] key)
    {
        if (sealedValue.Length < 30 || sealedValue[0] != Format)
            throw new CryptographicException("Not a sealed value of a known format.");
        var plain = new byte[sealedValue.Length - 30];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedValue.AsSpan(2, 12), sealedValue.AsSpan(30), sealedValue.AsSpan(14, 16), plain, Encoding.UTF8.GetBytes(context));
        return plain;
    }

    private static byte[] Derive(string secret, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));
}
