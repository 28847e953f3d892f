namespace Platform.Meetings.Model;

/// <summary>
/// A referral made to a service offer, as the cases service reported it: what the directory's load
/// figures count. No person is in here, only the referral's id, its offer, when it was made and where it stands.
/// </summary>
public sealed class OfferReferral
{
    public Guid ReferralId { get; init; }
    /// <summary>Null while only the answer has arrived: its queue can overtake the referral's.</summary>
    public Guid? ServiceOfferId { get; set; }
    public DateTimeOffset? MadeAt { get; set; }
    public string Status { get; set; } = OfferReferralStatuses.Open;
    public DateTimeOffset? AnsweredAt { get; set; }

    public bool IsClosed => Status is OfferReferralStatuses.Declined or OfferReferralStatuses.Completed;

    /// <summary>
    /// Records the receiving institution's answer. A closed referral stays closed: an "accepted" arriving
    /// after "completed" (redelivered late) does not reopen it.
    /// </summary>
    public void Answer(string outcome, DateTimeOffset at)
    {
        if (IsClosed || Status == outcome) return;
        Status = outcome;
        AnsweredAt = at;
    }
}
