namespace Platform.Meetings.ServiceOffers;

/// <summary>
/// Publishes, changes and withdraws service offers with the events the cases service learns every offer
/// by, in the caller's unit of work (the caller saves): state and event commit together.
/// </summary>
public sealed class ServiceOfferCatalogue(MeetingsDbContext db, TimeProvider clock)
{
    /// <summary>Publishes a validated draft as a new offer of <paramref name="institutionId"/>.</summary>
    public ServiceOffer Publish(Guid institutionId, ServiceOfferDraft draft)
    {
        var now = clock.GetUtcNow();
        var offer = new ServiceOffer
        {
            Id = Guid.CreateVersion7(), InstitutionId = institutionId, Category = draft.Category!, NameTr = draft.NameTr!,
            Version = 1, PublishedAt = now, ChangedAt = now,
        };
        Apply(offer, draft);
        db.ServiceOffers.Add(offer);
        db.PublishOnCommit(new ServiceOfferPublished
        {
            OfferId = offer.Id, InstitutionId = institutionId, Terms = TermsOf(offer), Version = offer.Version, PublishedAt = now,
        }, offer.Id);
        return offer;
    }

    /// <summary>Applies a validated draft to an active offer as its next version.</summary>
    public void Change(ServiceOffer offer, ServiceOfferDraft draft)
    {
        Apply(offer, draft);
        offer.Version++;
        offer.ChangedAt = clock.GetUtcNow();
        db.PublishOnCommit(new ServiceOfferChanged
        {
            OfferId = offer.Id, InstitutionId = offer.InstitutionId, Terms = TermsOf(offer), Version = offer.Version, ChangedAt = offer.ChangedAt,
        }, offer.Id);
    }

    /// <summary>Withdraws the offer; null when done, otherwise why not.</summary>
    public string? Withdraw(ServiceOffer offer)
    {
        var refusal = offer.Withdraw(clock.GetUtcNow());
        if (refusal is not null) return refusal;
        db.PublishOnCommit(new ServiceOfferWithdrawn
        {
            OfferId = offer.Id, InstitutionId = offer.InstitutionId, Version = offer.Version, WithdrawnAt = offer.WithdrawnAt!.Value,
        }, offer.Id);
        return null;
    }

    private static void Apply(ServiceOffer offer, ServiceOfferDraft draft)
    {
        offer.Category = draft.Category!;
        offer.Subjects = [.. draft.Subjects.OfType<string>()];
        offer.NameTr = draft.NameTr!;
        offer.NameAr = draft.NameAr;
        offer.NameEn = draft.NameEn;
        offer.SearchName = ServiceOffer.SearchNameOf(draft.NameTr!, draft.NameAr, draft.NameEn);
        offer.Districts = [.. draft.Districts!.OfType<string>()];
        offer.Languages = [.. draft.Languages!.OfType<string>()];
        offer.Channels = [.. draft.Channels!.OfType<string>()];
        offer.LegalStatuses = [.. draft.LegalStatuses.OfType<string>()];
        offer.AgeFrom = draft.AgeFrom;
        offer.AgeTo = draft.AgeTo;
        offer.Gender = draft.Gender;
        offer.EligibilityNotes = draft.EligibilityNotes;
        offer.CapacityPerMonth = draft.CapacityPerMonth;
        offer.Phone = draft.Phone;
        offer.Address = draft.Address;
        offer.Hours = draft.Hours;
    }

    private static ServiceOfferTerms TermsOf(ServiceOffer offer) => new()
    {
        Category = offer.Category, Subjects = offer.Subjects, NameTr = offer.NameTr, NameAr = offer.NameAr, NameEn = offer.NameEn,
        Districts = offer.Districts, Languages = offer.Languages, Channels = offer.Channels,
        LegalStatuses = offer.LegalStatuses, AgeFrom = offer.AgeFrom, AgeTo = offer.AgeTo, Gender = offer.Gender, CapacityPerMonth = offer.CapacityPerMonth,
    };
}
