namespace Platform.Cases.Referrals;

/// <summary>An institution's focal points, as the directory announced them (ContactRegistered): who referral emails go to, each in their language.</summary>
public static class FocalPoints
{
    public static async Task<IReadOnlyList<Recipient>> OfAsync(CasesDbContext db, Guid? institutionId, CancellationToken cancellationToken) =>
        institutionId is not { } id ? [] : await db.Contacts.AsNoTracking().Where(c => c.InstitutionId == id)
            .OrderBy(c => c.FullName).Select(c => new Recipient { ContactId = c.Id, FullName = c.FullName, Email = c.Email, Language = c.Language })
            .ToListAsync(cancellationToken);
}
