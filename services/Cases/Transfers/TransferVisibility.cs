namespace Platform.Cases.Transfers;

public static class TransferDirections
{
    public const string Incoming = "incoming";
    public const string Outgoing = "outgoing";
    public static readonly IReadOnlyList<string> All = [Incoming, Outgoing];
}

/// <summary>
/// Who sees a transfer, as a filter the database applies: the sending desk (its districts include the
/// district the case left) and the receiving desk (its districts include the receiving one and, when an
/// institution is named, it acts for it), as <see cref="CaseTransfer.IsSentBy"/> and <see cref="CaseTransfer.IsReceivedBy"/> decide.
/// </summary>
public static class TransferVisibility
{
    public static IQueryable<CaseTransfer> Of(IQueryable<CaseTransfer> transfers, Partner partner, string? direction)
    {
        if (partner.ActsInAllDistricts) return transfers;
        var granted = partner.Districts.ToList();
        Guid? institution = Guid.TryParse(partner.Institution, out var own) ? own : null;
        return direction switch
        {
            TransferDirections.Outgoing => transfers.Where(t => granted.Contains(t.FromDistrict)),
            TransferDirections.Incoming => transfers.Where(t => granted.Contains(t.ToDistrict) && (t.ToInstitutionId == null || t.ToInstitutionId == institution)),
            _ => transfers.Where(t => granted.Contains(t.FromDistrict) || (granted.Contains(t.ToDistrict) && (t.ToInstitutionId == null || t.ToInstitutionId == institution))),
        };
    }
}
