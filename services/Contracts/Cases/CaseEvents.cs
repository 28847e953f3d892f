namespace Platform.Contracts;

// The cases service's events carry references, codes and categories: never a beneficiary's name,
// identity number, phone or date of birth. The one exception is the consented referral to the
// livelihoods programme, and even that travels sealed (see ReferralMade.SealedApplicant).

/// <summary>A person was registered at a Social Protection Desk.</summary>
public sealed record BeneficiaryRegistered
{
    public required Guid BeneficiaryId { get; init; }
    public required string ReferenceCode { get; init; }
    public required string District { get; init; }
    public required string LegalStatus { get; init; }
    public required int HouseholdSize { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
}

/// <summary>A case was opened for a registered person, with the needs it is about.</summary>
public sealed record CaseOpened
{
    public required Guid CaseId { get; init; }
    public required string ReferenceCode { get; init; }
    public required Guid BeneficiaryId { get; init; }
    public required string District { get; init; }
    public required IReadOnlyList<string> Needs { get; init; }
    public required string Priority { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
}

/// <summary>A service was delivered (aid given, an appointment kept, a document obtained).</summary>
public sealed record ServiceDelivered
{
    public required Guid ServiceId { get; init; }
    public required Guid CaseId { get; init; }
    public required string CaseReference { get; init; }
    public required string District { get; init; }
    public required string Category { get; init; }
    public string? Subject { get; init; }
    /// <summary><c>in-person</c>, <c>phone</c>, <c>online</c> or <c>home-visit</c> (in-person when an older publisher left it out).</summary>
    public string Channel { get; init; } = ServiceChannels.InPerson;
    public required Guid ProviderInstitutionId { get; init; }
    public required DateOnly DeliveredOn { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
}

/// <summary>
/// The same category of aid was found given to the same person by another desk or institution within
/// the window. Names what was given, when, where and by whom, never the person.
/// </summary>
public sealed record DuplicateAssistanceFlagged
{
    public required Guid CheckId { get; init; }
    public required string District { get; init; }
    public required string Category { get; init; }
    /// <summary>The service was not recorded because the caller asked for strict mode.</summary>
    public required bool Prevented { get; init; }
    public required IReadOnlyList<AssistanceMatch> Matches { get; init; }
    public required DateTimeOffset CheckedAt { get; init; }
}

public sealed record AssistanceMatch
{
    public required string Category { get; init; }
    public required DateOnly DeliveredOn { get; init; }
    public required string District { get; init; }
    public required Guid InstitutionId { get; init; }
    public required string InstitutionName { get; init; }
    /// <summary><c>identifier</c> (keyed hash of an identifier), <c>name</c> (name and date of birth) or <c>household</c> (household aid given to another member of the household).</summary>
    public required string MatchedBy { get; init; }
}

/// <summary>
/// A case was referred to an institution (its focal points are emailed) or to the livelihoods programme.
/// </summary>
public sealed record ReferralMade
{
    public required Guid ReferralId { get; init; }
    public required string ReferenceCode { get; init; }
    public required Guid CaseId { get; init; }
    public required string FromDistrict { get; init; }
    public Guid? ToInstitutionId { get; init; }
    public string? ToInstitutionName { get; init; }
    /// <summary><c>livelihoods</c> when the referral goes to a programme rather than an institution.</summary>
    public string? ToProgramme { get; init; }
    /// <summary>The service offer referred to, when the desk chose one (the directory counts its load).</summary>
    public Guid? ServiceOfferId { get; init; }
    public required string Category { get; init; }
    public required DateOnly DueBy { get; init; }
    /// <summary>The receiving institution's focal points, who are emailed the reference code.</summary>
    public required IReadOnlyList<Recipient> Recipients { get; init; }
    /// <summary>
    /// Only for the livelihoods programme, only with the person's <c>data-sharing</c> consent (null without it: the
    /// programme gets the referral without her name or phone): a
    /// <see cref="LivelihoodsApplicant"/>, sealed with the secret cases and livelihoods share
    /// (Platform.Security.Sharing.SharedEnvelope, context <c>referral/{ReferralId}/applicant</c>).
    /// </summary>
    public string? SealedApplicant { get; init; }
    public required DateTimeOffset MadeAt { get; init; }
}

/// <summary>The minimum the livelihoods programme needs to contact and enrol a referred woman (sealed inside <see cref="ReferralMade"/>).</summary>
public sealed record LivelihoodsApplicant
{
    public required Guid BeneficiaryId { get; init; }
    public required string FullName { get; init; }
    public required string Phone { get; init; }
    public required string District { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
}

/// <summary>
/// The receiving side accepted, declined or completed a referral. When an institution answered through
/// the cases service, the referring desk's focal points are named, to be emailed the reference code and
/// the outcome (never the decline reason or the outcome text, which may describe the person).
/// </summary>
public sealed record ReferralAnswered
{
    public required Guid ReferralId { get; init; }
    public required string ReferenceCode { get; init; }
    public required Guid CaseId { get; init; }
    /// <summary><c>accepted</c>, <c>declined</c> or <c>completed</c>.</summary>
    public required string Outcome { get; init; }
    public required DateTimeOffset AnsweredAt { get; init; }
    // Optional: the livelihoods programme's answers carry none of these.
    public string? FromDistrict { get; init; }
    public string? Category { get; init; }
    public Guid? ToInstitutionId { get; init; }
    public string? ToInstitutionName { get; init; }
    /// <summary>The service offer referred to, if any (the directory counts its open referrals).</summary>
    public Guid? ServiceOfferId { get; init; }
    /// <summary>The referring desk's focal points; empty when nobody is to be emailed.</summary>
    public IReadOnlyList<Recipient> Recipients { get; init; } = [];
}

/// <summary>
/// A referral to an institution is still unanswered after its due date: its focal points are reminded,
/// once, with the reference code only.
/// </summary>
public sealed record ReferralOverdue
{
    public required Guid ReferralId { get; init; }
    public required string ReferenceCode { get; init; }
    public required string FromDistrict { get; init; }
    public required Guid ToInstitutionId { get; init; }
    public required string ToInstitutionName { get; init; }
    public Guid? ServiceOfferId { get; init; }
    public required string Category { get; init; }
    public required DateOnly DueBy { get; init; }
    public required DateTimeOffset RemindedAt { get; init; }
    /// <summary>The receiving institution's focal points, each emailed in their language.</summary>
    public required IReadOnlyList<Recipient> Recipients { get; init; }
}

public sealed record CaseClosed
{
    public required Guid CaseId { get; init; }
    public required string ReferenceCode { get; init; }
    public required string District { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
}
