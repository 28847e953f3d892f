namespace Platform.Meetings.Stakeholders;

/// <summary>
/// Adds institutions and focal points with the events other services learn of them by, in the caller's
/// unit of work (the caller saves). The API and the demo data both register through here.
/// </summary>
public sealed class StakeholderDirectory(MeetingsDbContext db, TimeProvider clock)
{
    public Institution Register(string name, string kind, string? district)
    {
        var institution = new Institution
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            SearchName = Institution.SearchKey(name),
            Kind = kind,
            District = district,
            RegisteredAt = clock.GetUtcNow(),
        };
        db.Institutions.Add(institution);
        db.PublishOnCommit(new InstitutionRegistered
        {
            InstitutionId = institution.Id,
            Name = institution.Name,
            Kind = institution.Kind,
            District = institution.District,
            RegisteredAt = institution.RegisteredAt,
        }, institution.Id);
        return institution;
    }

    public Contact AddContact(Guid institutionId, string fullName, string email, string language, string? role, string? phone = null)
    {
        var contact = new Contact
        {
            Id = Guid.CreateVersion7(),
            InstitutionId = institutionId,
            FullName = fullName.Trim(),
            Email = email.Trim(),
            Language = language,
            Role = string.IsNullOrWhiteSpace(role) ? null : role.Trim(),
            Phone = phone,
            RegisteredAt = clock.GetUtcNow(),
        };
        db.Contacts.Add(contact);
        db.PublishOnCommit(new ContactRegistered
        {
            ContactId = contact.Id,
            InstitutionId = institutionId,
            FullName = contact.FullName,
            Email = contact.Email,
            Language = contact.Language,
            Role = contact.Role,
            RegisteredAt = contact.RegisteredAt,
        }, institutionId);
        return contact;
    }
}
