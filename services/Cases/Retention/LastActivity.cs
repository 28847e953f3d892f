namespace Platform.Cases.Retention;

/// <summary>A person still held, with the moment of the last activity on her record.</summary>
public sealed class ActivePerson
{
    public Guid Id { get; init; }
    public required string ReferenceCode { get; init; }
    public required string District { get; init; }
    public DateTimeOffset LastActivity { get; init; }
}

/// <summary>
/// The last activity on a person's record is the latest entry of her audit trail that changed something:
/// registration, correction, consent given or withdrawn, a case opened or changed, a note, a service, a
/// referral made or answered, a transfer, a household, a renewal. Reads, exports and duplicate-check matches
/// are not activity: looking at a record does not keep it. A person with no such entry counts from her registration.
/// </summary>
public static class LastActivity
{
    private static readonly string[] NotActivity = ["read", "match"];

    public static IQueryable<ActivePerson> Of(CasesDbContext db) =>
        db.Beneficiaries.Where(b => b.ErasedAt == null).Select(b => new ActivePerson
        {
            Id = b.Id, ReferenceCode = b.ReferenceCode, District = b.District,
            LastActivity = db.Audit.Where(a => a.SubjectId == b.Id && !NotActivity.Contains(a.Action)).Max(a => (DateTimeOffset?)a.At) ?? b.RegisteredAt,
        });

    /// <summary>People whose last activity is before <paramref name="inactiveSince"/>: due for erasure.</summary>
    public static IQueryable<ActivePerson> Due(CasesDbContext db, DateTimeOffset inactiveSince) =>
        Of(db).Where(p => p.LastActivity < inactiveSince);
}
