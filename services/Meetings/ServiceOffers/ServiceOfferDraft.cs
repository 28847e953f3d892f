using System.Text.Json;

namespace Platform.Meetings.ServiceOffers;

/// <summary>
/// Everything an offer states, as a partner sent it (publishing) or as the offer would be after a merge
/// patch (changing): checked by <see cref="ServiceOfferValidation"/> before the catalogue applies it.
/// Texts come trimmed, blank ones as null; lists without repeats.
/// </summary>
public sealed record ServiceOfferDraft
{
    public string? Category { get; init; }
    public IReadOnlyList<string?> Subjects { get; init; } = [];
    public string? NameTr { get; init; }
    public string? NameAr { get; init; }
    public string? NameEn { get; init; }
    public IReadOnlyList<string?>? Districts { get; init; }
    public IReadOnlyList<string?>? Languages { get; init; }
    public IReadOnlyList<string?>? Channels { get; init; }
    public IReadOnlyList<string?> LegalStatuses { get; init; } = [];
    public int? AgeFrom { get; init; }
    public int? AgeTo { get; init; }
    public string Gender { get; init; } = OfferGenders.Any;
    public string? EligibilityNotes { get; init; }
    public int? CapacityPerMonth { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
    public string? Hours { get; init; }

    public static ServiceOfferDraft Of(ServiceOffer offer) => new()
    {
        Category = offer.Category, Subjects = offer.Subjects, NameTr = offer.NameTr, NameAr = offer.NameAr, NameEn = offer.NameEn,
        Districts = offer.Districts, Languages = offer.Languages, Channels = offer.Channels,
        LegalStatuses = offer.LegalStatuses, AgeFrom = offer.AgeFrom, AgeTo = offer.AgeTo, Gender = offer.Gender, EligibilityNotes = offer.EligibilityNotes,
        CapacityPerMonth = offer.CapacityPerMonth, Phone = offer.Phone, Address = offer.Address, Hours = offer.Hours,
    };

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A list as sent, without repeats; null stays null (the field then counts as missing).</summary>
    public static IReadOnlyList<string?>? Codes(IEnumerable<string?>? values) => values?.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>An E.164 number in its one written form, so that "+90 212 …" and "+90212…" are the same; otherwise as sent, for validation to refuse.</summary>
    public static string? PhoneNumber(string? value) => PhoneNumbers.TryNormalize(value, out var e164) ? e164 : Text(value);

    /// <summary>
    /// Whether the two drafts state the same offer: a patch that changes nothing makes no new version and
    /// no event. Compared as JSON because the lists compare by reference otherwise.
    /// </summary>
    public bool SameAs(ServiceOfferDraft other) => JsonSerializer.Serialize(this) == JsonSerializer.Serialize(other);
}
