using Npgsql;

namespace Platform.Cases.Apis;

/// <summary>Households: the people registered at the desks who live together, with each member's relationship to the head.</summary>
public static class HouseholdsApi
{
    public static IEndpointRouteBuilder MapHouseholdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/households").WithTags("Households");
        api.MapPost("/", Form).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("FormHousehold").WithSummary("Record a household of registered people; a person belongs to one household at a time, a household has one head at most")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{id}", Get).RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("GetHousehold").WithSummary("A household's members by id and relationship (audited for each member); 404 outside your districts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/members", AddMember).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("AddHouseholdMember").WithSummary("Add a registered person to a household (409 when they belong to one already, or a second head)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapDelete("/{id}/members/{beneficiaryId}", RemoveMember).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("RemoveHouseholdMember").WithSummary("Take a person out of a household (they may then join another)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record HouseholdServices(ClaimsPrincipal User, CasesDbContext Db, AuditTrail Audit, TimeProvider Clock, CancellationToken CancellationToken);

    /// <param name="Relationship">To the head: head, spouse, child, parent, sibling, other.</param>
    public sealed record MemberRequest(Guid? BeneficiaryId, string? Relationship);
    public sealed record FormRequest(string? District, List<MemberRequest?>? Members);

    public sealed record MemberResponse(Guid BeneficiaryId, string Relationship, DateTimeOffset AddedAt);
    public sealed record HouseholdResponse(Guid Id, string ReferenceCode, string District, IReadOnlyList<MemberResponse> Members, DateTimeOffset FormedAt)
    {
        public static HouseholdResponse From(Household h) => new(h.Id, h.ReferenceCode, h.District,
            h.Members.OrderBy(m => m.Relationship != HouseholdRelationships.Head).ThenBy(m => m.AddedAt).Select(m => new MemberResponse(m.BeneficiaryId, m.Relationship, m.AddedAt)).ToList(), h.FormedAt);
    }

    public const int MaxMembers = 30;

    public static async Task<Results<Created<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> Form(FormRequest request, [AsParameters] HouseholdServices services)
    {
        var (user, db, audit, clock, cancellationToken) = services;
        var check = new Validation();
        check.District("district", request.District);
        if (request.Members is not { Count: > 0 and <= MaxMembers }) check.Add("members", $"members lists 1 to {MaxMembers} registered people.");
        for (var i = 0; i < (request.Members?.Count ?? 0); i++) ValidateMember(check, $"members[{i}]", request.Members![i]);
        var members = request.Members?.OfType<MemberRequest>().ToList() ?? [];
        if (members.Where(m => m.BeneficiaryId is not null).GroupBy(m => m.BeneficiaryId).Any(g => g.Count() > 1)) check.Add("members", "A person is listed once.");
        if (members.Count(m => m.Relationship == HouseholdRelationships.Head) > 1) check.Add("members", "A household has one head at most.");
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        if (!partner.MayActIn(request.District!)) return DistrictProblems.NotGranted(partner, request.District);

        var ids = members.Select(m => m.BeneficiaryId!.Value).ToList();
        var known = await db.Beneficiaries.AsNoTracking().Where(b => ids.Contains(b.Id)).Select(b => new { b.Id, b.District }).ToListAsync(cancellationToken);
        if (ids.Any(id => !known.Any(b => b.Id == id && partner.MayActIn(b.District)))) return UnknownBeneficiary();
        if (await db.HouseholdMembers.AnyAsync(m => ids.Contains(m.BeneficiaryId), cancellationToken)) return InAnotherHousehold();

        var now = clock.GetUtcNow();
        var household = new Household { Id = Guid.CreateVersion7(), ReferenceCode = ReferenceCodes.New("HH"), District = request.District!, FormedBy = partner.ClientId, FormedAt = now };
        foreach (var member in members) household.Add(member.BeneficiaryId!.Value, member.Relationship!, partner.ClientId, now);
        db.Households.Add(household);
        foreach (var id in ids) audit.Record(partner, id, "create", "household", household.Id);
        if (await SaveAsync(db, cancellationToken) is { } refused) return refused;
        return TypedResults.Created($"/api/v1/households/{household.Id}", HouseholdResponse.From(household));
    }

    public static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> Get(Guid id, [AsParameters] HouseholdServices services)
    {
        var (user, db, audit, _, cancellationToken) = services;
        var partner = Partner.From(user);
        var household = await db.Households.AsNoTracking().Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null || !partner.MayActIn(household.District)) return NotVisible.Problem("household");
        // Who lives with whom is personal data of each member: the read is in every member's audit log.
        await audit.ReadManyAsync(partner, household.Members.Select(m => (m.BeneficiaryId, household.Id)), "household", cancellationToken);
        return TypedResults.Ok(HouseholdResponse.From(household));
    }

    public static async Task<Results<Created<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> AddMember(Guid id, MemberRequest request, [AsParameters] HouseholdServices services)
    {
        var (user, db, audit, clock, cancellationToken) = services;
        var check = new Validation();
        ValidateMember(check, "", request);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        var household = await db.Households.Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null || !partner.MayActIn(household.District)) return NotVisible.Problem("household");
        var beneficiaryId = request.BeneficiaryId!.Value;
        var district = await db.Beneficiaries.Where(b => b.Id == beneficiaryId).Select(b => b.District).SingleOrDefaultAsync(cancellationToken);
        if (district is null || !partner.MayActIn(district)) return UnknownBeneficiary();
        if (household.Members.All(m => m.BeneficiaryId != beneficiaryId) && await db.HouseholdMembers.AnyAsync(m => m.BeneficiaryId == beneficiaryId, cancellationToken))
            return InAnotherHousehold();
        if (household.Add(beneficiaryId, request.Relationship!, partner.ClientId, clock.GetUtcNow()) is { } refusal)
            return TypedResults.Problem(statusCode: 409, title: "Not added", detail: refusal);
        audit.Record(partner, beneficiaryId, "update", "household", id);
        if (await SaveAsync(db, cancellationToken) is { } refused) return refused;
        return TypedResults.Created($"/api/v1/households/{id}", HouseholdResponse.From(household));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveMember(Guid id, Guid beneficiaryId, [AsParameters] HouseholdServices services)
    {
        var (user, db, audit, _, cancellationToken) = services;
        var partner = Partner.From(user);
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null || !partner.MayActIn(household.District)) return NotVisible.Problem("household");
        var member = await db.HouseholdMembers.SingleOrDefaultAsync(m => m.HouseholdId == id && m.BeneficiaryId == beneficiaryId, cancellationToken);
        if (member is null) return TypedResults.Problem(statusCode: 404, title: "Not a member", detail: "This person is not a member of this household.");
        db.HouseholdMembers.Remove(member);
        audit.Record(partner, beneficiaryId, "update", "household", id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static void ValidateMember(Validation check, string field, MemberRequest? member)
    {
        var prefix = field.Length == 0 ? "" : field + ".";
        if (member?.BeneficiaryId is null) check.Add($"{prefix}beneficiaryId", "beneficiaryId is required (a registered person).");
        check.OneOf($"{prefix}relationship", member?.Relationship, HouseholdRelationships.All);
    }

    /// <summary>Saves; a concurrent change that broke one of the household rules in between is a 409, as the checks before it would have answered.</summary>
    private static async Task<ProblemHttpResult?> SaveAsync(CasesDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            return unique.ConstraintName == Infrastructure.EntityConfigurations.HouseholdMemberEntityTypeConfiguration.OneHeadPerHousehold
                ? TypedResults.Problem(statusCode: 409, title: "Not added", detail: "This household has a head already: a household has one head at most.")
                : InAnotherHousehold();
        }
    }

    private static ProblemHttpResult UnknownBeneficiary() =>
        TypedResults.Problem(statusCode: 422, title: "Unknown beneficiary", detail: "A member is not a registered person in the districts you serve.");

    // Which household, and where, is not said: it may be another district's.
    private static ProblemHttpResult InAnotherHousehold() =>
        TypedResults.Problem(statusCode: 409, title: "In another household", detail: "A person belongs to one household at a time: remove them from their current household first.");
}
