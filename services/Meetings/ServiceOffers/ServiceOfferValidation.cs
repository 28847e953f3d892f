namespace Platform.Meetings.ServiceOffers;

/// <summary>The field errors of a draft offer, named by their JSON path (<c>name.tr</c>, <c>eligibility.ageTo</c>).</summary>
public static class ServiceOfferValidation
{
    public const int NameMaxLength = 200;
    public const int NotesMaxLength = 1000;
    public const int AddressMaxLength = 300;
    public const int HoursMaxLength = 200;
    public const int OldestAge = 120;

    public static Dictionary<string, string[]> Validate(ServiceOfferDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        if (draft.Category is null || !ServiceCategories.All.Contains(draft.Category))
            errors["category"] = [$"The category must be one of: {string.Join(", ", ServiceCategories.All)}."];
        if (draft.Subjects.Count > 0 && draft.Category != ServiceCategories.LegalAid)
            errors["subjects"] = [$"Subjects are for {ServiceCategories.LegalAid} only."];
        else Codes(errors, "subjects", draft.Subjects, ServiceCategories.LegalAidSubjects, required: false);

        if (draft.NameTr is null) errors["name.tr"] = ["The Turkish name (name.tr) is required."];
        Length(errors, "name.tr", draft.NameTr, NameMaxLength);
        Length(errors, "name.ar", draft.NameAr, NameMaxLength);
        Length(errors, "name.en", draft.NameEn, NameMaxLength);

        ServedDistricts(errors, draft.Districts);
        Codes(errors, "languages", draft.Languages, OfferLanguages.All, required: true);
        Codes(errors, "channels", draft.Channels, OfferChannels.All, required: true);

        Codes(errors, "eligibility.legalStatuses", draft.LegalStatuses, LegalStatuses.All, required: false);
        Age(errors, "eligibility.ageFrom", draft.AgeFrom);
        Age(errors, "eligibility.ageTo", draft.AgeTo);
        if (draft.AgeFrom is { } from && draft.AgeTo is { } to && from > to && !errors.ContainsKey("eligibility.ageTo"))
            errors["eligibility.ageTo"] = ["ageTo must not be below ageFrom."];
        if (!OfferGenders.All.Contains(draft.Gender))
            errors["eligibility.gender"] = [$"The gender must be one of: {string.Join(", ", OfferGenders.All)}."];
        Length(errors, "eligibility.notes", draft.EligibilityNotes, NotesMaxLength);

        if (draft.CapacityPerMonth is <= 0) errors["capacityPerMonth"] = ["The capacity is a number of people a month, at least 1; leave it out when there is no limit."];
        if (draft.Phone is not null && !PhoneNumbers.TryNormalize(draft.Phone, out _))
            errors["phone"] = [$"The phone number must be in E.164 form: + and 8 to 15 digits, e.g. {PhoneNumbers.Example}."];
        Length(errors, "address", draft.Address, AddressMaxLength);
        Length(errors, "hours", draft.Hours, HoursMaxLength);
        return errors;
    }

    private static void ServedDistricts(Dictionary<string, string[]> errors, IReadOnlyList<string?>? districts)
    {
        if (districts is { Count: > 1 } && districts.Contains(OfferDistricts.Everywhere))
            errors["districts"] = ["Either district codes or exactly [\"*\"] for the whole city, not both."];
        else if (districts is not [OfferDistricts.Everywhere])
            Codes(errors, "districts", districts, Districts.Codes, required: true, example: "umraniye, or [\"*\"] for the whole city");
    }

    private static void Codes(Dictionary<string, string[]> errors, string field, IReadOnlyList<string?>? values, IReadOnlyCollection<string> allowed, bool required, string? example = null)
    {
        if (values is null || values.Count == 0)
        {
            if (required) errors[field] = [$"{field} needs at least one of: {example ?? string.Join(", ", allowed)}."];
            return;
        }
        var unknown = values.Where(v => v is null || !allowed.Contains(v)).Select(v => v is null ? "null" : $"'{v}'").ToList();
        if (unknown.Count > 0)
            errors[field] = [$"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is" : "are")} not one of: {example ?? string.Join(", ", allowed)}."];
    }

    private static void Age(Dictionary<string, string[]> errors, string field, int? age)
    {
        if (age is < 0 or > OldestAge) errors[field] = [$"An age is 0 to {OldestAge} years."];
    }

    private static void Length(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value is { Length: var length } && length > maxLength) errors[field] = [$"At most {maxLength} characters."];
    }
}
