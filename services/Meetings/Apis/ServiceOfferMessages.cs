namespace Platform.Meetings.Apis;

// Requests remember which fields they named (MergePatch): publishing reads them all, a PATCH changes
// only those it names, and a field it names as null is cleared.

public sealed class OfferNameRequest : MergePatch
{
    /// <summary>Turkish, required.</summary>
    public string? Tr { get; init => field = Sent(value); }
    public string? Ar { get; init => field = Sent(value); }
    public string? En { get; init => field = Sent(value); }
}

public sealed class EligibilityRequest : MergePatch
{
    /// <summary>Legal statuses admitted; none for any.</summary>
    public List<string?>? LegalStatuses { get; init => field = Sent(value); }
    public int? AgeFrom { get; init => field = Sent(value); }
    public int? AgeTo { get; init => field = Sent(value); }
    /// <summary><c>women</c>, <c>men</c> or <c>any</c> (the default).</summary>
    public string? Gender { get; init => field = Sent(value); }
    public string? Notes { get; init => field = Sent(value); }
}

/// <summary>An offer's fields: all of them to publish one; to change one (PATCH, JSON merge patch), those that change.</summary>
public sealed class ServiceOfferRequest : MergePatch
{
    public string? Category { get; init => field = Sent(value); }
    /// <summary>For legal aid only: the subjects, e.g. family-law.</summary>
    public List<string?>? Subjects { get; init => field = Sent(value); }
    public OfferNameRequest? Name { get; init => field = Sent(value); }
    /// <summary>District codes, or <c>["*"]</c> for the whole city.</summary>
    public List<string?>? Districts { get; init => field = Sent(value); }
    /// <summary>ISO 639-1 codes: tr, ar, en, fa, ps, ku...</summary>
    public List<string?>? Languages { get; init => field = Sent(value); }
    /// <summary>in-person, phone, online, home-visit.</summary>
    public List<string?>? Channels { get; init => field = Sent(value); }
    public EligibilityRequest? Eligibility { get; init => field = Sent(value); }
    public int? CapacityPerMonth { get; init => field = Sent(value); }
    /// <summary>E.164, e.g. +902125550101.</summary>
    public string? Phone { get; init => field = Sent(value); }
    public string? Address { get; init => field = Sent(value); }
    public string? Hours { get; init => field = Sent(value); }

    /// <summary>The offer this request publishes.</summary>
    public ServiceOfferDraft ToDraft() => MergeInto(new ServiceOfferDraft(), everything: true);

    /// <summary>
    /// The offer as it would be with the fields this request names (RFC 7396): a named field replaces
    /// the current value, null clears it, a named object (name, eligibility) is merged field by field.
    /// </summary>
    public ServiceOfferDraft MergeInto(ServiceOfferDraft current, bool everything = false)
    {
        bool Named(MergePatch request, string property) => everything || request.Has(property);
        var draft = current;
        if (Named(this, nameof(Category))) draft = draft with { Category = ServiceOfferDraft.Text(Category) };
        if (Named(this, nameof(Subjects))) draft = draft with { Subjects = ServiceOfferDraft.Codes(Subjects) ?? [] };
        if (Named(this, nameof(Name)))
        {
            var name = Name ?? new OfferNameRequest { Tr = null, Ar = null, En = null };
            if (Named(name, nameof(name.Tr))) draft = draft with { NameTr = ServiceOfferDraft.Text(name.Tr) };
            if (Named(name, nameof(name.Ar))) draft = draft with { NameAr = ServiceOfferDraft.Text(name.Ar) };
            if (Named(name, nameof(name.En))) draft = draft with { NameEn = ServiceOfferDraft.Text(name.En) };
        }
        if (Named(this, nameof(Districts))) draft = draft with { Districts = ServiceOfferDraft.Codes(Districts) };
        if (Named(this, nameof(Languages))) draft = draft with { Languages = ServiceOfferDraft.Codes(Languages) };
        if (Named(this, nameof(Channels))) draft = draft with { Channels = ServiceOfferDraft.Codes(Channels) };
        if (Named(this, nameof(Eligibility)))
        {
            // Eligibility sent as null: the offer is open to everyone again.
            var eligibility = Eligibility ?? new EligibilityRequest { LegalStatuses = null, AgeFrom = null, AgeTo = null, Gender = null, Notes = null };
            if (Named(eligibility, nameof(eligibility.LegalStatuses))) draft = draft with { LegalStatuses = ServiceOfferDraft.Codes(eligibility.LegalStatuses) ?? [] };
            if (Named(eligibility, nameof(eligibility.AgeFrom))) draft = draft with { AgeFrom = eligibility.AgeFrom };
            if (Named(eligibility, nameof(eligibility.AgeTo))) draft = draft with { AgeTo = eligibility.AgeTo };
            if (Named(eligibility, nameof(eligibility.Gender))) draft = draft with { Gender = ServiceOfferDraft.Text(eligibility.Gender) ?? OfferGenders.Any };
            if (Named(eligibility, nameof(eligibility.Notes))) draft = draft with { EligibilityNotes = ServiceOfferDraft.Text(eligibility.Notes) };
        }
        if (Named(this, nameof(CapacityPerMonth))) draft = draft with { CapacityPerMonth = CapacityPerMonth };
        if (Named(this, nameof(Phone))) draft = draft with { Phone = ServiceOfferDraft.PhoneNumber(Phone) };
        if (Named(this, nameof(Address))) draft = draft with { Address = ServiceOfferDraft.Text(Address) };
        if (Named(this, nameof(Hours))) draft = draft with { Hours = ServiceOfferDraft.Text(Hours) };
        return draft;
    }
}

public sealed record OfferNameResponse(string Tr, string? Ar, string? En);
public sealed record EligibilityResponse(IReadOnlyList<string> LegalStatuses, int? AgeFrom, int? AgeTo, string Gender, string? Notes);

/// <summary>A service offer as partners read it; times carry Istanbul's offset. Its ETag is its version.</summary>
public sealed record ServiceOfferResponse(
    Guid Id, Guid InstitutionId, string Category, IReadOnlyList<string> Subjects, OfferNameResponse Name,
    IReadOnlyList<string> Districts, IReadOnlyList<string> Languages, IReadOnlyList<string> Channels, EligibilityResponse Eligibility,
    int? CapacityPerMonth, string? Phone, string? Address, string? Hours, string Status, int Version,
    DateTimeOffset PublishedAt, DateTimeOffset ChangedAt, DateTimeOffset? WithdrawnAt)
{
    public static ServiceOfferResponse From(ServiceOffer o) => new(
        o.Id, o.InstitutionId, o.Category, o.Subjects, new OfferNameResponse(o.NameTr, o.NameAr, o.NameEn),
        o.Districts, o.Languages, o.Channels, new EligibilityResponse(o.LegalStatuses, o.AgeFrom, o.AgeTo, o.Gender, o.EligibilityNotes),
        o.CapacityPerMonth, o.Phone, o.Address, o.Hours, o.Status, o.Version,
        o.PublishedAt.ToIstanbul(), o.ChangedAt.ToIstanbul(), o.WithdrawnAt?.ToIstanbul());
}

public sealed record DirectoryInstitution(Guid Id, string Name, string Kind, string? District);
public sealed record FocalPoint(string FullName, string Email, string? Phone);

/// <summary>One entry of the service directory: the offer, who offers it, whom to call, and how full it is.</summary>
public sealed record DirectoryEntry(ServiceOfferResponse Offer, DirectoryInstitution Institution, IReadOnlyList<FocalPoint> FocalPoints, OfferLoad Load)
{
    public static DirectoryEntry From(ServiceOffer offer, OfferLoad load) => new(
        ServiceOfferResponse.From(offer),
        new DirectoryInstitution(offer.Institution.Id, offer.Institution.Name, offer.Institution.Kind, offer.Institution.District),
        offer.Institution.Contacts.OrderBy(c => c.FullName, StringComparer.Ordinal).Select(c => new FocalPoint(c.FullName, c.Email, c.Phone)).ToList(),
        load);
}
