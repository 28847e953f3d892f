using System.Linq.Expressions;
using Platform.Cases.Model.Reference;

namespace Platform.Cases.Model;

/// <summary>A desk's case for one person: the needs it is about, who works on it, what was delivered and where it was referred.</summary>
public sealed class Case
{
    public Guid Id { get; init; }
    public required string ReferenceCode { get; init; }
    public Guid BeneficiaryId { get; init; }
    /// <summary>The district of the desk holding the case: changes when a transfer is accepted (see Transfers).</summary>
    public required string District { get; set; }
    public List<string> Needs { get; set; } = [];
    public required string Priority { get; set; }
    public string Status { get; set; } = CaseStatuses.Open;
    /// <summary>The desk staff member working on it (a staff name or id from the desk's system, not a beneficiary's data).</summary>
    public string? AssignedTo { get; set; }
    public List<CaseNote> Notes { get; init; } = [];
    public required string OpenedBy { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>
/// A note on a case: its text is sealed, as it often holds personal detail. A confidential note is shown
/// only to the institution that wrote it (the token's <c>institution</c> claim), or, when the writer
/// carried no institution, to the writing client alone.
/// </summary>
public sealed class CaseNote
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required byte[] SealedText { get; init; }
    public bool Confidential { get; init; }
    public required string WrittenBy { get; init; }
    /// <summary>The institution the writer acted for; null when its token named none.</summary>
    public string? WrittenByInstitution { get; init; }
    public DateTimeOffset WrittenAt { get; init; }

    /// <summary>
    /// The notes <paramref name="partner"/> is shown, as a filter the database applies, so a confidential
    /// note of another institution is never read (nor unsealed). A partner without an institution claim
    /// sees the confidential notes its own client wrote and no others: a missing claim matches nothing.
    /// </summary>
    public static Expression<Func<CaseNote, bool>> ShownTo(Partner partner)
    {
        var (institution, client) = (partner.Institution, partner.ClientId);
        return n => !n.Confidential || (institution != null && n.WrittenByInstitution == institution) || n.WrittenBy == client;
    }
}

/// <summary>
/// A service delivered on a case: what, by whom, when, how, how much (TRY as decimals). Its district is
/// where it was delivered and stays so when the case moves to another desk: reports count it there.
/// </summary>
public sealed class ServiceRecord
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public Guid BeneficiaryId { get; init; }
    public required string District { get; init; }
    public required string Category { get; init; }
    public string? Subject { get; init; }
    /// <summary>How it was delivered: one of <see cref="ServiceChannels.All"/>.</summary>
    public string Channel { get; init; } = ServiceChannels.InPerson;
    public Guid ProviderInstitutionId { get; init; }
    public DateOnly DeliveredOn { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public byte[]? SealedNotes { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
