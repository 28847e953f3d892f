namespace Platform.Cases.Identity;

/// <summary>
/// The keyed hash of one identifier of a registration (national id, foreigner id, passport, UNHCR case):
/// what the duplicate checks and the registration's "already registered" rule look people up by.
/// </summary>
public sealed class BeneficiaryIdentifier
{
    public Guid BeneficiaryId { get; init; }
    /// <summary>One of <see cref="IdentifierKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>HMAC-SHA256 under the kind's purpose (<see cref="Protection.BeneficiaryDetails.IdentifierHash"/>).</summary>
    public required byte[] Hash { get; init; }
}
