namespace Platform.Security;

/// <summary>Claim types a partner's access token carries besides the standard ones (sub, client_id, scope).</summary>
public static class PartnerClaims
{
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    /// <summary>The institution code the partner acts for (e.g. <c>umraniye-desk</c>).</summary>
    public const string Institution = "institution";
    /// <summary>One claim per district code the partner may act in, or the single value <see cref="AllDistricts"/>.</summary>
    public const string District = "district";
    public const string AllDistricts = "*";

    /// <summary>The audience every platform service accepts.</summary>
    public const string Audience = "platform";
}
