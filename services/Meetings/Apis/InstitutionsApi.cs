namespace Platform.Meetings.Apis;

public static class InstitutionsApi
{
    public static IEndpointRouteBuilder MapInstitutionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/institutions").WithTags("Institutions");

        api.MapPost("/", RegisterInstitution)
            .WithName("RegisterInstitution")
            .WithSummary("Register a stakeholder institution in the directory");
        api.MapGet("/{id:guid}", GetInstitution)
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

    public static async Task<Results<Created<InstitutionResponse>, ValidationProblem>> RegisterInstitution(
        RegisterInstitutionRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

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

    public static async Task<Results<Ok<InstitutionResponse>, NotFound>> GetInstitution(
        Guid id, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return institution is null ? TypedResults.NotFound() : TypedResults.Ok(InstitutionResponse.From(institution));
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
