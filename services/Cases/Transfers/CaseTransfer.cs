namespace Platform.Cases.Transfers;

/// <summary>
/// A desk hands a case over to the desk of another district (and, when named, one institution there):
/// pending until the receiving desk accepts or declines it. Accepted, the case and the person belong to
/// the receiving district from then on; the accepted transfers of a case are its custody history.
/// </summary>
public sealed class CaseTransfer
{
    public Guid Id { get; init; }
    public required string ReferenceCode { get; init; }
    public Guid CaseId { get; init; }
    public Guid BeneficiaryId { get; init; }
    public required string FromDistrict { get; init; }
    /// <summary>The institution the sending partner acts for, when the directory knows it.</summary>
    public Guid? FromInstitutionId { get; init; }
    public required string ToDistrict { get; init; }
    public Guid? ToInstitutionId { get; init; }
    /// <summary>Why the case moves, sealed: it usually tells where and why the person moved.</summary>
    public required byte[] SealedReason { get; init; }
    public string Status { get; private set; } = TransferStatuses.Pending;
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public string? AnsweredBy { get; private set; }
    /// <summary>The institution the answering partner acted for (its token's claim), as given.</summary>
    public string? AnsweredByInstitution { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public byte[]? SealedDeclineReason { get; private set; }
    public uint Version { get; set; }

    public bool IsPending => Status == TransferStatuses.Pending;

    /// <summary>The sending side: the desk of the district the case left (or leaves).</summary>
    public bool IsSentBy(Partner partner) => partner.MayActIn(FromDistrict);

    /// <summary>
    /// The receiving desk: a partner acting in the receiving district and, when the transfer names an
    /// institution, acting for it (a city-wide partner may answer on its behalf, as for referrals).
    /// </summary>
    public bool IsReceivedBy(Partner partner) =>
        partner.MayActIn(ToDistrict)
        && (ToInstitutionId is not { } institution || partner.ActsInAllDistricts || (Guid.TryParse(partner.Institution, out var own) && own == institution));

    public TransferRefusal? Accept(Partner by, DateTimeOffset at) => Answer(TransferStatuses.Accepted, by, at, null);

    public TransferRefusal? Decline(Partner by, DateTimeOffset at, byte[] sealedReason) => Answer(TransferStatuses.Declined, by, at, sealedReason);

    private TransferRefusal? Answer(string outcome, Partner by, DateTimeOffset at, byte[]? sealedReason)
    {
        if (!IsReceivedBy(by)) return TransferRefusal.NotTheReceiver;
        if (!IsPending) return TransferRefusal.AlreadyAnswered;
        Status = outcome;
        AnsweredBy = by.ClientId;
        AnsweredByInstitution = by.Institution;
        AnsweredAt = at;
        SealedDeclineReason = sealedReason;
        return null;
    }

    /// <summary>The context a transfer's texts are sealed under.</summary>
    public static string ReasonContext(Guid id) => $"transfer/{id}/reason";

    public static string DeclineContext(Guid id) => $"transfer/{id}/decline";
}

public static class TransferStatuses
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public static readonly IReadOnlyList<string> All = [Pending, Accepted, Declined];
}

/// <summary>Why a transfer could not be answered.</summary>
public enum TransferRefusal
{
    NotTheReceiver,
    AlreadyAnswered,
}
