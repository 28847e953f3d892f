using System.Security.Cryptography;

namespace Platform.WebApi;

/// <summary>
/// The codes people and institutions quote instead of names (on the phone, in a referral email):
/// a prefix and eight characters of Crockford's base32 (no I, L, O, U to misread), random, not a sequence
/// that would reveal how many people a desk registered.
/// </summary>
public static class ReferenceCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(string prefix) =>
        $"{prefix}-{string.Concat(RandomNumberGenerator.GetBytes(8).Select(b => Alphabet[b % 32]))}";
}
