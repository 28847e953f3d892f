namespace Platform.Meetings.Model;

/// <summary>
/// What an institution offers, where, for whom and in which languages: one entry of the service
/// directory, so that people are referred to the right place and no service is run twice.
/// </summary>
public sealed class ServiceOffer
{
    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public Institution Institution { get; init; } = null!;
    /// <summary>One of <see cref="ServiceCategories.All"/>.</summary>
    public required string Category { get; set; }
    /// <summary>Legal-aid subjects (<see cref="ServiceCategories.LegalAidSubjects"/>); empty for other categories.</summary>
    public List<string> Subjects { get; set; } = [];
    public required string NameTr { get; set; }
    public string? NameAr { get; set; }
    public string? NameEn { get; set; }
    /// <summary>The names folded for search: see <see cref="SearchNameOf"/>.</summary>
    public string SearchName { get; set; } = "";
    /// <summary>District codes served, or exactly <c>["*"]</c> (<see cref="OfferDistricts.Everywhere"/>).</summary>
    public List<string> Districts { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public List<string> Channels { get; set; } = [];
    /// <summary>Eligibility: legal statuses admitted (empty = any), ages, gender, and what else the institution asks.</summary>
    public List<string> LegalStatuses { get; set; } = [];
    public int? AgeFrom { get; set; }
    public int? AgeTo { get; set; }
    public string Gender { get; set; } = OfferGenders.Any;
    public string? EligibilityNotes { get; set; }
    public int? CapacityPerMonth { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? Hours { get; set; }
    public string Status { get; set; } = ServiceOfferStatuses.Active;
    /// <summary>1 when published, one more with every change: the ETag and the events' version.</summary>
    public int Version { get; set; }
    public DateTimeOffset PublishedAt { get; init; }
    public DateTimeOffset ChangedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    public bool IsWithdrawn => Status == ServiceOfferStatuses.Withdrawn;

    /// <summary>
    /// The Turkish and Arabic names folded the Turkish way (<see cref="Institution.SearchKey"/>), the English
    /// one the invariant way: "Interpreting" must be found by "interpreting", which the Turkish rules
    /// would fold to "ınterpreting". A query is matched in both foldings.
    /// </summary>
    public static string SearchNameOf(string nameTr, string? nameAr, string? nameEn) =>
        string.Join('\n', new[] { Institution.SearchKey(nameTr), nameAr is null ? null : Institution.SearchKey(nameAr), nameEn?.Trim().ToLowerInvariant() }.OfType<string>());
    public bool ServesEveryDistrict => Districts is [OfferDistricts.Everywhere];

    /// <summary>Takes the offer out of the directory; null when done, otherwise why not.</summary>
    public string? Withdraw(DateTimeOffset at)
    {
        if (IsWithdrawn) return $"This offer was withdrawn on {WithdrawnAt:yyyy-MM-dd}.";
        Status = ServiceOfferStatuses.Withdrawn;
        WithdrawnAt = at;
        ChangedAt = at;
        Version++;
        return null;
    }
}
