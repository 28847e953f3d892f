namespace Platform.Meetings.Apis;

/// <summary>The service directory: which active offers a person in a district can turn to, and how full they are.</summary>
public static class ServiceDirectoryApi
{
    /// <summary>What the directory endpoint needs besides the query.</summary>
    public sealed record DirectoryServices(ClaimsPrincipal User, MeetingsDbContext Db, OfferLoads Loads, CancellationToken CancellationToken);

    public static IEndpointRouteBuilder MapServiceDirectoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/service-directory", Search).RequireAuthorization(PartnerScopes.MeetingsRead)
            .WithTags("Service offers").WithName("SearchServiceDirectory")
            .WithSummary("Active offers serving a district (offers for * serve all), by category, language, channel and whom they admit (legal status, age, gender); q matches offer and institution names the Turkish way; paged, each with its institution, focal points and load")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>Every filter is optional; legalStatus, age and gender describe the person, and an offer is listed when its eligibility admits them.</summary>
    public static async Task<Results<Ok<Page<DirectoryEntry>>, ValidationProblem, ProblemHttpResult>> Search(
        string? district, string? category, string? language, string? channel, string? legalStatus, int? age, string? gender, string? q,
        int? page, int? pageSize, [AsParameters] DirectoryServices services)
    {
        var (db, cancellationToken) = (services.Db, services.CancellationToken);
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (district is not null && !Districts.Codes.Contains(district)) errors["district"] = [$"'{district}' is not an Istanbul district code."];
        Check(errors, "category", category, ServiceCategories.All);
        Check(errors, "language", language, OfferLanguages.All);
        Check(errors, "channel", channel, OfferChannels.All);
        Check(errors, "legalStatus", legalStatus, LegalStatuses.All);
        Check(errors, "gender", gender, OfferGenders.People);
        if (age is < 0 or > ServiceOfferValidation.OldestAge) errors["age"] = [$"An age is 0 to {ServiceOfferValidation.OldestAge} years."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var partner = Partner.From(services.User);
        if (district is not null && !partner.MayActIn(district)) return DistrictProblems.NotGranted(partner, district);

        var offers = db.ServiceOffers.AsNoTracking().Active();
        if (district is not null) offers = offers.Serving(district);
        // Without a district, a partner of some districts sees what serves any of them.
        else if (!partner.ActsInAllDistricts) offers = offers.ServingAnyOf(partner.Districts);
        if (category is not null) offers = offers.Where(o => o.Category == category);
        if (language is not null) offers = offers.Where(o => o.Languages.Contains(language));
        if (channel is not null) offers = offers.Where(o => o.Channels.Contains(channel));
        offers = offers.Admitting(legalStatus, age, gender);
        if (!string.IsNullOrWhiteSpace(q)) offers = offers.Matching(q);

        var total = await offers.CountAsync(cancellationToken);
        var found = await offers.Include(o => o.Institution).ThenInclude(i => i.Contacts)
            .OrderBy(o => o.SearchName).ThenBy(o => o.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        var load = await services.Loads.OfAsync(found, cancellationToken);
        return TypedResults.Ok(new Page<DirectoryEntry>(found.Select(o => DirectoryEntry.From(o, load[o.Id])).ToList(), paging.Page, paging.PageSize, total));
    }

    private static void Check(Dictionary<string, string[]> errors, string field, string? value, IReadOnlyCollection<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
            errors[field] = [$"The {field} must be one of: {string.Join(", ", allowed)}."];
    }
}
