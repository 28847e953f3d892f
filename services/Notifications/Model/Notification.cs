namespace Platform.Notifications.Model;

/// <summary>
/// One email to one person because of one event: the delivery log. (event, recipient, kind) is unique,
/// so a redelivered event can never send a second email. The message is composed when the event is
/// consumed and kept, so a retry sends the very same message (same Message-Id) hours later.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    /// <summary>What it is about: the meeting (or action item) id.</summary>
    public Guid SubjectId { get; init; }
    /// <summary>The id of the event that caused it.</summary>
    public Guid EventId { get; init; }
    public required string Kind { get; init; }
    /// <summary>The district the email concerns (the meeting's, the referring desk's, the training's); null is city-wide.</summary>
    public string? District { get; init; }
    /// <summary>The institution it concerns: the meeting's host, the referral's receiving institution, the action item's owner.</summary>
    public Guid? InstitutionId { get; init; }
    /// <summary>
    /// <see cref="RecipientKinds.FocalPoint"/> (a work contact of an institution) or <see cref="RecipientKinds.Participant"/>
    /// (a woman of the programme, a beneficiary): a participant's name and address are kept masked, the
    /// message itself sealed, and dropped once delivered or refused.
    /// </summary>
    public string RecipientKind { get; init; } = RecipientKinds.FocalPoint;
    public Guid RecipientId { get; init; }
    /// <summary>As shown in the delivery log: a participant's is masked (<c>F*** Y***</c>).</summary>
    public required string RecipientName { get; init; }
    /// <summary>As shown in the delivery log: a participant's is masked (<c>f***@example.org</c>).</summary>
    public required string RecipientEmail { get; init; }
    public required string Language { get; init; }
    public required string Subject { get; init; }
    /// <summary>
    /// The composed MIME message, ready for SMTP; a participant's is sealed (personal data protector,
    /// context <c>notification/{Id}</c>) and set to null once the message is Sent or Failed.
    /// </summary>
    public byte[]? Content { get; set; }
    public required string MessageId { get; init; }
    public string Status { get; set; } = NotificationStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>What the SMTP server answered on accepting the message (its queue id).</summary>
    public string? SmtpResponse { get; set; }
    /// <summary>
    /// The W3C traceparent of the event's consumer: the SMTP hand-over, minutes or hours later in the
    /// sender, joins the trace that began at the gateway.
    /// </summary>
    public string? TraceParent { get; init; }
}

public static class NotificationStatus
{
    public const string Pending = "Pending";
    public const string Sent = "Sent";
    public const string Failed = "Failed";
}

public static class RecipientKinds
{
    public const string FocalPoint = "focal-point";
    public const string Participant = "participant";
}

/// <summary>What an email is: each has its templates per language.</summary>
public static class NotificationKinds
{
    public const string Invitation = "invitation";
    public const string Update = "update";
    public const string Cancellation = "cancellation";
    public const string Minutes = "minutes";
    public const string Overdue = "overdue";
    public const string Referral = "referral";
    /// <summary>The receiving institution answered: the referring desk's focal points are told the outcome.</summary>
    public const string ReferralAnswered = "referral-answered";
    /// <summary>A referral still unanswered after its due date: one reminder to the receiving institution.</summary>
    public const string ReferralReminder = "referral-reminder";
    public const string Training = "training";
    /// <summary>A desk asks another district's desk to take a case over: its focal points get the reference code.</summary>
    public const string Transfer = "transfer";
}
