using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Platform.Security.Authentication;

namespace Platform.Meetings.Invitations;

/// <summary>The HMAC key of reply links, made once and kept in meetingsdb so every instance and restart agrees.</summary>
public sealed class ReplyLinkKey
{
    public int Id { get; init; }
    public required byte[] Secret { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What a valid reply link names.</summary>
public sealed record ReplyLinkClaim(Guid MeetingId, Guid ContactId, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed, expiring one-click reply links: <c>/api/v1/rsvp/{token}?reply=accept|decline|tentative</c>.
/// The token is the credential (no partner login): meeting id, contact id and expiry, HMAC-SHA256 signed.
/// A link expires when its meeting ends; a rescheduled meeting's emails carry fresh links.
/// </summary>
public sealed class ReplyLinkSigner(IServiceScopeFactory scopes, AuthenticationSettings settings, TimeProvider clock)
{
    private const int PayloadLength = 16 + 16 + 8;
    private const int SignatureLength = 32;
    private byte[]? _key;

    public Contracts.ReplyLinks For(Guid meetingId, Guid contactId, DateTimeOffset expiresAt)
    {
        var token = Sign(meetingId, contactId, expiresAt);
        var baseUrl = $"{settings.Authority.TrimEnd('/')}/api/v1/rsvp/{token}";
        return new Contracts.ReplyLinks { Accept = baseUrl + "?reply=accept", Decline = baseUrl + "?reply=decline", Tentative = baseUrl + "?reply=tentative" };
    }

    public string Sign(Guid meetingId, Guid contactId, DateTimeOffset expiresAt)
    {
        var payload = new byte[PayloadLength];
        meetingId.TryWriteBytes(payload.AsSpan(0, 16));
        contactId.TryWriteBytes(payload.AsSpan(16, 16));
        BitConverter.TryWriteBytes(payload.AsSpan(32, 8), expiresAt.ToUnixTimeSeconds());
        return Base64UrlEncoder.Encode(payload) + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(Key(), payload));
    }

    /// <summary>Null when the token was not signed by us (forged or damaged); the claim says when it expires.</summary>
    public ReplyLinkClaim? Read(string token)
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
        if (payload.Length != PayloadLength || signature.Length != SignatureLength) return null;
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(Key(), payload))) return null;
        return new ReplyLinkClaim(
            new Guid(payload.AsSpan(0, 16)),
            new Guid(payload.AsSpan(16, 16)),
            DateTimeOffset.FromUnixTimeSeconds(BitConverter.ToInt64(payload, 32)));
    }

    public bool IsExpired(ReplyLinkClaim claim) => claim.ExpiresAt <= clock.GetUtcNow();

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
