using System.Net.Mail;

namespace Platform.Meetings.Apis;

/// <summary>The stakeholder directory: institutions and their focal points.</summary>
public static class InstitutionsApi
{
    public static IEndpointRouteBuilder MapInstitutionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/institutions").WithTags("Institutions");

        api.MapPost("/", RegisterInstitution)
            .RequireAuthorization(PartnerScopes.MeetingsWrite)
            .WithName("RegisterInstitution")
            .WithSummary("Register a stakeholder institution in the directory")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/", ListInstitutions)
            .RequireAuthorization(PartnerScopes.MeetingsRead)
            .WithName("ListInstitutions")
            .WithSummary("Search the directory by name (Turkish case rules), district and kind; paged")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{id}", GetInstitution)
            .RequireAuthorization(PartnerScopes.MeetingsRead)
            .WithName("GetInstitution")
            .WithSummary("One institution with its focal points")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/contacts", AddContact)
            .RequireAuthorization(PartnerScopes.MeetingsWrite)
            .WithName("AddContact")
            .WithSummary("Add a focal point (the person invitations go to) to an institution")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record RegisterInstitutionRequest(string? Name, string? Kind, string? District);
    public sealed record AddContactRequest(string? FullName, string? Email, string? Language, string? Role, string? Phone);

    public sealed record ContactResponse(Guid Id, Guid InstitutionId, string FullName, string Email, string Language, string? Role, string? Phone)
    {
        public static ContactResponse From(Contact c) => new(c.Id, c.InstitutionId, c.FullName, c.Email, c.Language, c.Role, c.Phone);
    }

    public sealed record InstitutionResponse(Guid Id, string Name, string Kind, string? District, DateTimeOffset RegisteredAt, IReadOnlyList<ContactResponse>? Contacts)
    {
        public static InstitutionResponse From(Institution institution, bool withContacts = false) =>
            new(institution.Id, institution.Name, institution.Kind, institution.District, institution.RegisteredAt,
                withContacts ? institution.Contacts.OrderBy(c => c.FullName, StringComparer.Ordinal).Select(ContactResponse.From).ToList() : null);
    }

    public static async Task<Results<Created<InstitutionResponse>, ValidationProblem, ProblemHttpResult>> RegisterInstitution(
        RegisterInstitutionRequest request, ClaimsPrincipal user, MeetingsDbContext db, StakeholderDirectory directory, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var partner = Partner.From(user);
        if (!partner.MayChange(request.District))
            return DistrictProblems.NotGranted(partner, request.District);

        var institution = directory.Register(request.Name!, request.Kind!, request.District);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/institutions/{institution.Id}", InstitutionResponse.From(institution, withContacts: true));
    }

    public static async Task<Results<Ok<Page<InstitutionResponse>>, ValidationProblem, ProblemHttpResult>> ListInstitutions(
        string? q, string? district, string? kind, int? page, int? pageSize, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (district is not null && !Districts.Codes.Contains(district)) errors["district"] = [$"'{district}' is not an Istanbul district code."];
        if (kind is not null && !InstitutionKinds.All.Contains(kind)) errors["kind"] = [$"The kind must be one of: {string.Join(", ", InstitutionKinds.All)}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var partner = Partner.From(user);
        if (district is not null && !partner.MayActIn(district)) return DistrictProblems.NotGranted(partner, district);

        var query = db.Institutions.AsNoTracking();
        // A partner sees its own districts' stakeholders and the city-wide bodies.
        if (!partner.ActsInAllDistricts)
        {
            var granted = partner.Districts.ToList();
            query = query.Where(i => i.District == null || granted.Contains(i.District));
        }
        if (district is not null) query = query.Where(i => i.District == district);
        if (kind is not null) query = query.Where(i => i.Kind == kind);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(i => i.SearchName.Contains(Institution.SearchKey(q)));

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(i => i.SearchName).ThenBy(i => i.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<InstitutionResponse>(items.Select(i => InstitutionResponse.From(i)).ToList(), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult>> GetInstitution(Guid id, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().Include(i => i.Contacts).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null) return MeetingHttp.NotFound("institution");
        // A district's stakeholders and their focal points are for the partners acting there;
        // city-wide bodies are everyone's.
        var partner = Partner.From(user);
        if (institution.District is not null && !partner.MayActIn(institution.District))
            return DistrictProblems.NotGranted(partner, institution.District);
        return TypedResults.Ok(InstitutionResponse.From(institution, withContacts: true));
    }

    public static async Task<Results<Created<ContactResponse>, ValidationProblem, ProblemHttpResult>> AddContact(
        Guid id, AddContactRequest request, ClaimsPrincipal user, MeetingsDbContext db, StakeholderDirectory directory, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null) return MeetingHttp.NotFound("institution");
        var errors = Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var partner = Partner.From(user);
        if (!partner.MayChange(institution.District))
            return DistrictProblems.NotGranted(partner, institution.District);
        var email = request.Email!.Trim();
        if (await db.Contacts.AnyAsync(c => c.InstitutionId == id && c.Email == email, cancellationToken))
            return TypedResults.Problem(statusCode: 409, title: "Contact exists", detail: $"{email} is already a focal point of {institution.Name}.");

        PhoneNumbers.TryNormalize(request.Phone, out var phone);
        var contact = directory.AddContact(id, request.FullName!, email, request.Language!, request.Role, phone);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/institutions/{id}", ContactResponse.From(contact));
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

    private static Dictionary<string, string[]> Validate(AddContactRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.FullName)) errors["fullName"] = ["The focal point's full name is required."];
        else if (request.FullName.Trim().Length > Validation.PersonNameMaxLength) errors["fullName"] = [$"At most {Validation.PersonNameMaxLength} characters."];
        if (!IsEmail(request.Email)) errors["email"] = ["A valid email address is required, e.g. ayse.yilmaz@umraniye.bel.tr."];
        if (request.Language is null || !Languages.All.Contains(request.Language)) errors["language"] = ["The language must be tr, ar or en."];
        if (request.Role is { Length: > 100 }) errors["role"] = ["At most 100 characters."];
        if (!string.IsNullOrWhiteSpace(request.Phone) && !PhoneNumbers.TryNormalize(request.Phone, out _))
            errors["phone"] = [$"The phone number must be in E.164 form: + and 8 to 15 digits, e.g. {PhoneNumbers.Example}."];
        return errors;
    }

    private static bool IsEmail(string? text) =>
        text is { Length: > 0 and <= Validation.EmailMaxLength }
        && MailAddress.TryCreate(text.Trim(), out var address)
        && address.Address == text.Trim()
        && address.Host.Contains('.');
}
