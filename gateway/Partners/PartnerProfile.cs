namespace Platform.Gateway.Partners;

/// <summary>
/// A partner system as the platform sees it. Its credentials and permitted scopes are OpenIddict's
/// application of the same client id; this row holds what goes into its tokens and how it is limited.
/// </summary>
public sealed class PartnerProfile
{
    public required string ClientId { get; init; }
    public required string Name { get; set; }
    /// <summary>The institution code the partner acts for; goes into every token as <c>institution</c>.</summary>
    public string? Institution { get; set; }
    /// <summary>District codes, or the single <c>*</c> for all districts.</summary>
    public string[] Districts { get; set; } = [];
    public int RateLimitPerMinute { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SecretRotatedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
}
