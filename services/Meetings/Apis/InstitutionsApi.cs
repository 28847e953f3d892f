namespace Platform.Meetings.Apis;

public static class InstitutionsApi
{
    public static IEndpointRouteBuilder MapInstitutionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/institutions").WithTags("Institutions");

        api.MapPost("/", RegisterInstitution)
            .RequireAuthorization(PartnerScopes.MeetingsWrite)
            .WithName("RegisterInstitution")
            .WithSummary("Register a stakeholder institution in the directory");
        api.MapGet("/{id:guid}", GetInstitution)
            .RequireAuthorization(PartnerScopes.MeetingsRead)
            .WithName("GetInstitution")
            .WithSummary("Get one institution");
        return app;
    }

    public sealed record RegisterInstitutionRequest(string? Name, string? Kind, string? District);

    public sealed record InstitutionResponse(Guid Id, string Name, string Kind, string? District, DateTimeOffset RegisteredAt)
    {
        public static InstitutionResponse From(Institution institution) =>
            new(institution.Id, institution.Name, institution.Kind, institution.District, institution.RegisteredAt);
    }

    public static async Task<Results<Created<InstitutionResponse>, ValidationProblem, ProblemHttpResult>> RegisterInstitution(
        RegisterInstitutionRequest request, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        // Registering a city-wide body is for partners that act in every district.
        var partner = Partner.From(user);
        if (request.District is null ? !partner.ActsInAllDistricts : !partner.MayActIn(request.District))
            return DistrictProblems.NotGranted(partner, request.District);

        var institution = new Institution
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name!.Trim(),
            Kind = request.Kind!,
            District = request.District,
            RegisteredAt = DateTimeOffset.UtcNow,
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
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/institutions/{institution.Id}", InstitutionResponse.From(institution));
    }

    public static async Task<Results<Ok<InstitutionResponse>, NotFound, ProblemHttpResult>> GetInstitution(
        Guid id, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null) return TypedResults.NotFound();
        // A district's stakeholders (and later their focal points) are for the partners acting there;
        // city-wide bodies are everyone's.
        var partner = Partner.From(user);
        if (institution.District is not null && !partner.MayActIn(institution.District))
            return DistrictProblems.NotGranted(partner, institution.District);
        return TypedResults.Ok(InstitutionResponse.From(institution));
    }

    private static Dictionary<string, string[]> Validate(RegisterInstitutionRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
            errors["name"] = ["The institution's name is required."];
        else if (request.Name.Trim().Length > Validation.InstitutionNameMaxLength)
            errors["name"] = [$"The name may have at most {Validation.InstitutionNameMaxLength} characters."];
        if (request.Kind is null || !InstitutionKinds.All.Contains(request.Kind))
            errors["kind"] = [$"The kind must be one of: {string.Join(", ", InstitutionKinds.All)}."];
        if (request.District is not null && !Districts.Codes.Contains(request.District))
            errors["district"] = [$"'{request.District}' is not an Istanbul district code (e.g. umraniye, gaziosmanpasa)."];
        return errors;
    }
}
