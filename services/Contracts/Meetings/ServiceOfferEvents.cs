namespace Platform.Contracts;

// An institution's service offers, published by the meetings service (which owns the directory) through its
// outbox, so that the cases service knows every offer: to refer people to one, to check its eligibility and
// to report who offers what where. Version grows by one with every change of an offer.

/// <summary>What an offer is, for whom and where: the part of an offer the other services act on.</summary>
public sealed record ServiceOfferTerms
{
    /// <summary>One of <see cref="ServiceCategories.All"/>.</summary>
    public required string Category { get; init; }
    /// <summary>For legal aid, the subjects (<see cref="ServiceCategories.LegalAidSubjects"/>); empty otherwise.</summary>
    public required IReadOnlyList<string> Subjects { get; init; }
    public required string NameTr { get; init; }
    public string? NameAr { get; init; }
    public string? NameEn { get; init; }
    /// <summary>District codes served, or the single <c>*</c> for every district.</summary>
    public required IReadOnlyList<string> Districts { get; init; }
    /// <summary>ISO 639-1 codes the service is given in (tr, ar, en, fa, ps, ku...).</summary>
    public required IReadOnlyList<string> Languages { get; init; }
    /// <summary><c>in-person</c>, <c>phone</c>, <c>online</c>, <c>home-visit</c>.</summary>
    public required IReadOnlyList<string> Channels { get; init; }
    /// <summary>Legal statuses served (<see cref="LegalStatuses.All"/>); empty for any.</summary>
    public required IReadOnlyList<string> LegalStatuses { get; init; }
    public int? AgeFrom { get; init; }
    public int? AgeTo { get; init; }
    /// <summary><c>women</c>, <c>men</c> or <c>any</c>.</summary>
    public required string Gender { get; init; }
    public int? CapacityPerMonth { get; init; }
}

public sealed record ServiceOfferPublished
{
    public required Guid OfferId { get; init; }
    public required Guid InstitutionId { get; init; }
    public required ServiceOfferTerms Terms { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
}

public sealed record ServiceOfferChanged
{
    public required Guid OfferId { get; init; }
    public required Guid InstitutionId { get; init; }
    public required ServiceOfferTerms Terms { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}

public sealed record ServiceOfferWithdrawn
{
    public required Guid OfferId { get; init; }
    public required Guid InstitutionId { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset WithdrawnAt { get; init; }
}
