namespace Platform.Meetings.Apis;

/// <summary>What each institution offers: published, changed (If-Match honoured) and withdrawn, each with its event.</summary>
public static class ServiceOffersApi
{
    /// <summary>What every service-offer endpoint needs.</summary>
    public sealed record OfferServices(HttpContext Http, ClaimsPrincipal User, MeetingsDbContext Db, ServiceOfferCatalogue Catalogue, CancellationToken CancellationToken);

    public static IEndpointRouteBuilder MapServiceOffersApi(this IEndpointRouteBuilder app)
    {
        var ofInstitution = app.MapGroup("/api/v1/institutions/{id}/service-offers").WithTags("Service offers");
        ofInstitution.MapPost("/", Publish).RequireAuthorization(PartnerScopes.MeetingsWrite).WithName("PublishServiceOffer")
            .WithSummary("Publish what the institution offers: category, names, districts (or * for the whole city), languages, channels, eligibility, capacity")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        ofInstitution.MapGet("/", ListOfInstitution).RequireAuthorization(PartnerScopes.MeetingsRead).WithName("ListInstitutionServiceOffers")
            .WithSummary("The institution's offers, active and withdrawn")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        var offers = app.MapGroup("/api/v1/service-offers/{offerId}").WithTags("Service offers");
        offers.MapGet("/", Get).RequireAuthorization(PartnerScopes.MeetingsRead).WithName("GetServiceOffer")
            .WithSummary("One service offer, with its ETag")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        offers.MapPatch("/", Change).RequireAuthorization(PartnerScopes.MeetingsWrite).WithName("ChangeServiceOffer")
            .WithSummary("Change the fields named (JSON merge patch: null clears an optional field); If-Match honoured")
            .ProducesChangeProblems();
        offers.MapPost("/withdraw", Withdraw).RequireAuthorization(PartnerScopes.MeetingsWrite).WithName("WithdrawServiceOffer")
            .WithSummary("Take the offer out of the directory (If-Match honoured); referrals to it are refused from then on")
            .ProducesChangeProblems();
        return app;
    }

    public static async Task<Results<Created<ServiceOfferResponse>, ValidationProblem, ProblemHttpResult>> Publish(
        Guid id, ServiceOfferRequest request, [AsParameters] OfferServices services)
    {
        var (db, cancellationToken) = (services.Db, services.CancellationToken);
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null) return MeetingHttp.NotFound("institution");
        var draft = request.ToDraft();
        var errors = ServiceOfferValidation.Validate(draft);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var partner = Partner.From(services.User);
        if (!partner.MayChange(institution.District)) return DistrictProblems.NotGranted(partner, institution.District);
        if (!partner.MayOffer(draft.Districts!.OfType<string>(), out var refused)) return DistrictProblems.NotGranted(partner, refused);

        var offer = services.Catalogue.Publish(institution.Id, draft);
        await db.SaveChangesAsync(cancellationToken);
        return WithETag(TypedResults.Created($"/api/v1/service-offers/{offer.Id}", ServiceOfferResponse.From(offer)), services.Http, offer);
    }

    public static async Task<Results<Ok<IReadOnlyList<ServiceOfferResponse>>, ProblemHttpResult>> ListOfInstitution(Guid id, [AsParameters] OfferServices services)
    {
        var (db, cancellationToken) = (services.Db, services.CancellationToken);
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null) return MeetingHttp.NotFound("institution");
        // As the institution itself: a district's stakeholders are for the partners acting there.
        var partner = Partner.From(services.User);
        if (institution.District is not null && !partner.MayActIn(institution.District))
            return DistrictProblems.NotGranted(partner, institution.District);
        var offers = await db.ServiceOffers.AsNoTracking().Where(o => o.InstitutionId == id)
            .OrderBy(o => o.PublishedAt).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ServiceOfferResponse>>(offers.Select(ServiceOfferResponse.From).ToList());
    }

    public static async Task<Results<Ok<ServiceOfferResponse>, ProblemHttpResult>> Get(Guid offerId, [AsParameters] OfferServices services)
    {
        var offer = await services.Db.ServiceOffers.AsNoTracking().Include(o => o.Institution)
            .SingleOrDefaultAsync(o => o.Id == offerId, services.CancellationToken);
        if (offer is null) return MeetingHttp.NotFound("service offer");
        var partner = Partner.From(services.User);
        if (!offer.IsVisibleTo(partner)) return DistrictProblems.NotGranted(partner, offer.Institution.District);
        return WithETag(TypedResults.Ok(ServiceOfferResponse.From(offer)), services.Http, offer);
    }

    public static Task<Results<Ok<ServiceOfferResponse>, ValidationProblem, ProblemHttpResult>> Change(Guid offerId, ServiceOfferRequest request, [AsParameters] OfferServices services) =>
        ChangeAsync(offerId, services, (offer, partner) =>
        {
            if (offer.IsWithdrawn)
                return TypedResults.Problem(statusCode: 409, title: "Offer withdrawn", detail: "A withdrawn offer does not change any more; publish a new one.");
            var current = ServiceOfferDraft.Of(offer);
            var draft = request.MergeInto(current);
            var errors = ServiceOfferValidation.Validate(draft);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
            // Only the districts it adds are the partner's to grant: a city-wide offer of its institution keeps its reach.
            if (!partner.MayOffer(draft.Districts!.OfType<string>().Except(offer.Districts), out var refused)) return DistrictProblems.NotGranted(partner, refused);
            // A patch that changes nothing makes no new version and tells nobody.
            if (!draft.SameAs(current)) services.Catalogue.Change(offer, draft);
            return null;
        });

    public static Task<Results<Ok<ServiceOfferResponse>, ValidationProblem, ProblemHttpResult>> Withdraw(Guid offerId, [AsParameters] OfferServices services) =>
        ChangeAsync(offerId, services, (offer, _) =>
        {
            if (services.Catalogue.Withdraw(offer) is { } refusal) return TypedResults.Problem(statusCode: 409, title: "Already withdrawn", detail: refusal);
            return null;
        });

    /// <summary>
    /// The frame of every change: find the offer, check the institution's district and If-Match, apply
    /// <paramref name="change"/> (null = applied), and save state and event together; a concurrent change
    /// that slipped in after the read still ends in 412.
    /// </summary>
    private static async Task<Results<Ok<ServiceOfferResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(Guid offerId, OfferServices services,
        Func<ServiceOffer, Partner, Results<Ok<ServiceOfferResponse>, ValidationProblem, ProblemHttpResult>?> change)
    {
        var (http, db, cancellationToken) = (services.Http, services.Db, services.CancellationToken);
        if (!ETags.TryReadIfMatch(http.Request, out var expected)) return ETags.Malformed();
        var offer = await db.ServiceOffers.Include(o => o.Institution).SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken);
        if (offer is null) return MeetingHttp.NotFound("service offer");
        var partner = Partner.From(services.User);
        if (!partner.MayChange(offer.Institution.District)) return DistrictProblems.NotGranted(partner, offer.Institution.District);
        if (expected is not null && expected != (uint)offer.Version) return ETags.Stale((uint)offer.Version);

        var refusal = change(offer, partner);
        if (refusal is not null) return refusal;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.ServiceOffers.AsNoTracking().Where(o => o.Id == offerId).Select(o => o.Version).SingleAsync(CancellationToken.None);
            return ETags.Stale((uint)current);
        }
        return WithETag(TypedResults.Ok(ServiceOfferResponse.From(offer)), http, offer);
    }

    private static TResult WithETag<TResult>(TResult result, HttpContext http, ServiceOffer offer) where TResult : IResult
    {
        http.Response.Headers.ETag = ETags.Of((uint)offer.Version);
        return result;
    }
}
