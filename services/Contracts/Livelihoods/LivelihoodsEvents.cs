namespace Platform.Contracts;

// The livelihoods programme's events carry references, codes and amounts. The one with personal data,
// the training invitation's recipients, travels sealed for notifications (SharedEnvelope).

/// <summary>A woman took her place in a workshop of a cohort.</summary>
public sealed record EntrepreneurEnrolled
{
    public required Guid EntrepreneurId { get; init; }
    public required string ReferenceCode { get; init; }
    public required Guid CohortId { get; init; }
    public required Guid WorkshopId { get; init; }
    public required string WorkshopKind { get; init; }
    public required string District { get; init; }
    public required DateTimeOffset EnrolledAt { get; init; }
}

/// <summary>A training session of a cohort was scheduled: notifications invites the enrolled women who have an email.</summary>
public sealed record TrainingScheduled
{
    public required Guid TrainingId { get; init; }
    public required Guid CohortId { get; init; }
    public required string CohortName { get; init; }
    public required string District { get; init; }
    /// <summary><c>entrepreneurship</c>, <c>language</c>, <c>computer</c>, <c>business-licensing</c>.</summary>
    public required string Topic { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public string? Location { get; init; }
    /// <summary>A list of <see cref="TrainingInvitee"/>, sealed for notifications (context <c>training/{TrainingId}/invitees</c>).</summary>
    public required string SealedInvitees { get; init; }
}

/// <summary>Who is invited to a training (sealed inside <see cref="TrainingScheduled"/>).</summary>
public sealed record TrainingInvitee
{
    public required Guid EntrepreneurId { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    public required string Language { get; init; }
}

/// <summary>A sale, or the reversal of one (negative amount, <see cref="Reverses"/> set): the ledger is never edited.</summary>
public sealed record SaleRecorded
{
    public required Guid SaleId { get; init; }
    public required Guid EntrepreneurId { get; init; }
    public Guid? CohortId { get; init; }
    public required string District { get; init; }
    public required DateOnly SoldOn { get; init; }
    public required decimal Amount { get; init; }
    public required string Channel { get; init; }
    public Guid? Reverses { get; init; }
}

/// <summary>A business licence (iş yeri ruhsatı) was granted.</summary>
public sealed record LicenceGranted
{
    public required Guid EntrepreneurId { get; init; }
    public required string District { get; init; }
    public required string LicenceNumber { get; init; }
    public required DateOnly GrantedOn { get; init; }
    public Guid? SupportingInstitutionId { get; init; }
}

/// <summary>A step the programme counts: <c>first-sale</c> or <c>licence</c>.</summary>
public sealed record MilestoneReached
{
    public required Guid EntrepreneurId { get; init; }
    public required string District { get; init; }
    public required string Milestone { get; init; }
    public required DateOnly ReachedOn { get; init; }
}
