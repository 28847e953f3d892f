namespace Platform.Cases.Model;

/// <summary>
/// A case sent to another institution (or to the livelihoods programme), answered by the receiver:
/// accepted, declined with a reason, completed with an outcome. Not answered by its due date, it is overdue.
/// </summary>
public sealed class Referral
{
    public Guid Id { get; init; }
    public required string ReferenceCode { get; init; }
    public Guid CaseId { get; init; }
    public Guid BeneficiaryId { get; init; }
    public required string FromDistrict { get; init; }
    public required string MadeBy { get; init; }
    /// <summary>The institution the referring partner acts for (its token's <c>institution</c>), when the directory knows it.</summary>
    public Guid? FromInstitutionId { get; init; }
    public Guid? ToInstitutionId { get; init; }
    public string? ToProgramme { get; init; }
    /// <summary>The service offer the desk chose; the institution and category are the offer's.</summary>
    public Guid? ServiceOfferId { get; init; }
    public required string Category { get; init; }
    public required byte[] SealedReason { get; init; }
    public DateOnly DueBy { get; init; }
    public string Status { get; set; } = ReferralStatuses.Made;
    /// <summary>The decline reason or the completion outcome, sealed (it may describe the person).</summary>
    public byte[]? SealedAnswer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset MadeAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>When the receiving institution was reminded that the referral is overdue: it is reminded once.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    public uint Version { get; set; }

    /// <summary>Still waiting for the receiver after its due date (Istanbul's calendar day).</summary>
    public bool IsOverdue(DateOnly today) => Status == ReferralStatuses.Made && today > DueBy;
}

public static class ReferralStatuses
{
    public const string Made = "made";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Completed = "completed";
}
