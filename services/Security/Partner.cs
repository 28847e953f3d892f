using System.Security.Claims;

namespace Platform.Security;

/// <summary>Who is calling: the partner system behind a validated access token, and where it may act.</summary>
public sealed class Partner
{
    private readonly HashSet<string> _districts;

    private Partner(string clientId, string? institution, IEnumerable<string> districts, IEnumerable<string> scopes)
    {
        ClientId = clientId;
        Institution = institution;
        _districts = new HashSet<string>(districts, StringComparer.Ordinal);
        Scopes = new HashSet<string>(scopes, StringComparer.Ordinal);
    }

    public string ClientId { get; }
    public string? Institution { get; }
    public IReadOnlySet<string> Scopes { get; }
    public bool ActsInAllDistricts => _districts.Contains(PartnerClaims.AllDistricts);
    public IReadOnlyCollection<string> Districts => _districts;

    /// <summary>Whether the partner may act in <paramref name="district"/> (a district code, compared ordinally).</summary>
    public bool MayActIn(string district) => ActsInAllDistricts || _districts.Contains(district);

    /// <summary>
    /// Whether the partner may change data of <paramref name="district"/>; city-wide data (no district)
    /// is changed only by partners that act in every district.
    /// </summary>
    public bool MayChange(string? district) => district is null ? ActsInAllDistricts : MayActIn(district);

    /// <summary>Whether the partner may read data of <paramref name="district"/>; city-wide data (no district) is read by every partner.</summary>
    public bool MayRead(string? district) => district is null || MayActIn(district);

    public static Partner From(ClaimsPrincipal user)
    {
        var clientId = user.FindFirst(PartnerClaims.ClientId)?.Value ?? user.FindFirst("sub")?.Value
            ?? throw new InvalidOperationException("The access token names no client.");
        return new Partner(
            clientId,
            user.FindFirst(PartnerClaims.Institution)?.Value,
            user.FindAll(PartnerClaims.District).Select(c => c.Value),
            ScopesOf(user));
    }

    /// <summary>Scopes as JWTs carry them: one space-separated string, or an array (one claim each).</summary>
    public static IEnumerable<string> ScopesOf(ClaimsPrincipal user) =>
        user.FindAll(PartnerClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
