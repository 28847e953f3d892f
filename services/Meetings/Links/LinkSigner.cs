using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Platform.Security.Authentication;

namespace Platform.Meetings.Links;

/// <summary>What a valid reply link names.</summary>
public sealed record ReplyLinkClaim(Guid MeetingId, Guid ContactId, DateTimeOffset ExpiresAt);

/// <summary>What a valid document link names.</summary>
public sealed record DocumentLinkClaim(Guid MeetingId, Guid DocumentId, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed, expiring links that are their own credential (no partner login), HMAC-SHA256 with the key kept
/// in meetingsdb. Two uses:
/// <list type="bullet">
/// <item>reply links of invitations, <c>/api/v1/rsvp/{token}?reply=...</c>: meeting, contact, expiry (the meeting's end);</item>
/// <item>document links of the minutes email, <c>/api/v1/document-links/{token}</c>: meeting, document, expiry.</item>
/// </list>
/// A reply token is 40 bytes of payload and a document token a kind byte and 40 more, so neither ever reads
/// as the other; reply tokens keep the layout they had before document links, and links already sent work.
/// </summary>
public sealed class LinkSigner(IServiceScopeFactory scopes, AuthenticationSettings settings, TimeProvider clock)
{
    private const int IdsAndExpiryLength = 16 + 16 + 8;
    private const byte DocumentKind = 0x44; // 'D'
    private const int SignatureLength = 32;
    private byte[]? _key;

    public ReplyLinks ReplyLinksFor(Guid meetingId, Guid contactId, DateTimeOffset expiresAt)
    {
        var baseUrl = $"{Base}/api/v1/rsvp/{SignReply(meetingId, contactId, expiresAt)}";
        return new ReplyLinks { Accept = baseUrl + "?reply=accept", Decline = baseUrl + "?reply=decline", Tentative = baseUrl + "?reply=tentative" };
    }

    public string SignReply(Guid meetingId, Guid contactId, DateTimeOffset expiresAt) => Sign(IdsAndExpiry(meetingId, contactId, expiresAt));

    /// <summary>Null when the token was not signed by us as a reply link (forged, damaged, or another kind of link).</summary>
    public ReplyLinkClaim? ReadReply(string token) =>
        Verify(token) is { Length: IdsAndExpiryLength } payload
            ? new ReplyLinkClaim(new Guid(payload.AsSpan(0, 16)), new Guid(payload.AsSpan(16, 16)), ExpiryOf(payload, 32))
            : null;

    public string DocumentUrl(Guid meetingId, Guid documentId, DateTimeOffset expiresAt) =>
        $"{Base}/api/v1/document-links/{SignDocument(meetingId, documentId, expiresAt)}";

    public string SignDocument(Guid meetingId, Guid documentId, DateTimeOffset expiresAt) =>
        Sign([DocumentKind, .. IdsAndExpiry(meetingId, documentId, expiresAt)]);

    /// <summary>Null when the token was not signed by us as a document link.</summary>
    public DocumentLinkClaim? ReadDocument(string token) =>
        Verify(token) is { Length: 1 + IdsAndExpiryLength } payload && payload[0] == DocumentKind
            ? new DocumentLinkClaim(new Guid(payload.AsSpan(1, 16)), new Guid(payload.AsSpan(17, 16)), ExpiryOf(payload, 33))
            : null;

    public bool IsExpired(DateTimeOffset expiresAt) => expiresAt <= clock.GetUtcNow();

    public bool IsExpired(ReplyLinkClaim claim) => IsExpired(claim.ExpiresAt);

    private string Base => settings.Authority.TrimEnd('/');

    private static byte[] IdsAndExpiry(Guid first, Guid second, DateTimeOffset expiresAt)
    {
        var payload = new byte[IdsAndExpiryLength];
        first.TryWriteBytes(payload.AsSpan(0, 16));
        second.TryWriteBytes(payload.AsSpan(16, 16));
        BitConverter.TryWriteBytes(payload.AsSpan(32, 8), expiresAt.ToUnixTimeSeconds());
        return payload;
    }

    private static DateTimeOffset ExpiryOf(byte[] payload, int offset) => DateTimeOffset.FromUnixTimeSeconds(BitConverter.ToInt64(payload, offset));

    private string Sign(byte[] payload) => Base64UrlEncoder.Encode(payload) + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(Key(), payload));

    /// <summary>The payload of a token whose signature is ours, else null.</summary>
    private byte[]? Verify(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0) return null;
        byte[] payload, signature;
        try
        {
            payload = Base64UrlEncoder.DecodeBytes(token[..dot]);
            signature = Base64UrlEncoder.DecodeBytes(token[(dot + 1)..]);
        }
        catch (FormatException) { return null; }
        if (signature.Length != SignatureLength || payload.Length > 1 + IdsAndExpiryLength) return null;
        return CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(Key(), payload)) ? payload : null;
    }

    private byte[] Key()
    {
        if (_key is not null) return _key;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
        var stored = db.ReplyLinkKeys.AsNoTracking().OrderBy(k => k.Id).FirstOrDefault();
        if (stored is null)
        {
            db.ReplyLinkKeys.Add(new ReplyLinkKey { Id = 1, Secret = RandomNumberGenerator.GetBytes(32), CreatedAt = clock.GetUtcNow() });
            try { db.SaveChanges(); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another instance made it first
            stored = db.ReplyLinkKeys.AsNoTracking().OrderBy(k => k.Id).First();
        }
        return _key = stored.Secret;
    }
}
