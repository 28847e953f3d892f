namespace Platform.Cases.Reports;

// The answer of GET /api/v1/reports/district-briefing: what the host of a district meeting puts on the agenda.

public sealed record DistrictBriefingReport(string? District, DateOnly From, DateOnly To, IReadOnlyList<DistrictAgenda> Districts);

public sealed record DistrictAgenda(
    string District, string DistrictName, IReadOnlyList<Gap> Gaps, IReadOnlyList<CategoryOverlap> Overlaps,
    IReadOnlyList<OverdueAtInstitution> OverdueReferrals, IReadOnlyList<OfferMoved> OffersAdded, IReadOnlyList<OfferMoved> OffersWithdrawn);

/// <summary>An <see cref="Overlap"/> with the category it is in.</summary>
public sealed record CategoryOverlap(string Category, Guid InstitutionId, string InstitutionName, Guid OtherInstitutionId, string OtherInstitutionName, int People);

/// <summary>An institution holding referrals from the district unanswered after their due date (now, whenever they were made).</summary>
public sealed record OverdueAtInstitution(Guid InstitutionId, string InstitutionName, int Referrals, DateOnly OldestDueBy);

/// <summary>A service offer serving the district that was published or withdrawn in the period, and when (Istanbul time).</summary>
public sealed record OfferMoved(Guid OfferId, Guid InstitutionId, string InstitutionName, string Category, string Name, DateTimeOffset At);
