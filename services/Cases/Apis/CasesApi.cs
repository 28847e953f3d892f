namespace Platform.Cases.Apis;

/// <summary>A desk's cases: open, read (notes audited), update status and assignment, notes.</summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/cases").WithTags("Cases");
        api.MapPost("/", Open).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("OpenCase").WithSummary("Open a case for a registered person (needs service-delivery consent)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", List).RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("ListCases").WithSummary("Cases of your districts by status; paged, newest first")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{id}", Get).RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("GetCase").WithSummary("A case with its notes, services, referrals and custody history (audited); a desk that transferred it away reads only the services it recorded; 404 otherwise outside your districts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/{id}", Update).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("UpdateCase").WithSummary("Change status (open, in-progress, referred, closed), priority or assigned staff")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/notes", AddNote).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("AddCaseNote").WithSummary("Add a note; a confidential note is shown only to the institution that wrote it")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>What the case handlers need besides their route and body.</summary>
    public sealed record CaseServices(ClaimsPrincipal User, CasesDbContext Db, PersonalDataProtector Protector, AuditTrail Audit, TimeProvider Clock, CancellationToken CancellationToken);

    public sealed record OpenRequest(Guid? BeneficiaryId, string? District, List<string>? Needs, string? Priority, string? AssignedTo);
    public sealed record UpdateRequest(string? Status, string? Priority, string? AssignedTo);
    public sealed record NoteRequest(string? Text, bool Confidential);

    public sealed record CaseSummary(Guid Id, string ReferenceCode, Guid BeneficiaryId, string District, IReadOnlyList<string> Needs, string Priority,
        string Status, string? AssignedTo, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt)
    {
        public static CaseSummary From(Case c) => new(c.Id, c.ReferenceCode, c.BeneficiaryId, c.District, c.Needs, c.Priority, c.Status, c.AssignedTo, c.OpenedAt, c.ClosedAt);
    }

    public sealed record NoteResponse(Guid Id, string Text, bool Confidential, string WrittenBy, string? WrittenByInstitution, DateTimeOffset WrittenAt)
    {
        public static NoteResponse From(CaseNote n, PersonalDataProtector protector) =>
            new(n.Id, protector.OpenText(n.SealedText, $"case-note/{n.Id}"), n.Confidential, n.WrittenBy, n.WrittenByInstitution, n.WrittenAt);
    }

    public sealed record ServiceResponse(Guid Id, string Category, string? Subject, string Channel, Guid ProviderInstitutionId, string District, DateOnly DeliveredOn, decimal? Amount, string? Currency, string? Notes)
    {
        public static ServiceResponse From(ServiceRecord s, string? notes) =>
            new(s.Id, s.Category, s.Subject, s.Channel, s.ProviderInstitutionId, s.District, s.DeliveredOn, s.Amount, s.Currency, notes);
    }

    /// <summary>
    /// A case as its reader may see it: <c>access</c> is <c>holder</c> (the desk holding it, everything) or
    /// <c>former-holder</c> (a desk that transferred it away: the services it recorded and the custody history, no notes, no referrals).
    /// </summary>
    public sealed record CaseResponse(CaseSummary Case, IReadOnlyList<NoteResponse> Notes, IReadOnlyList<ServiceResponse> Services, IReadOnlyList<ReferralsApi.ReferralResponse> Referrals,
        IReadOnlyList<CustodyPeriod> Custody, string Access);

    public static async Task<Results<Created<CaseSummary>, ValidationProblem, ProblemHttpResult>> Open(OpenRequest request, [AsParameters] CaseServices services)
    {
        var (user, db, _, audit, clock, cancellationToken) = services;
        var check = new Validation();
        if (request.BeneficiaryId is null) check.Add("beneficiaryId", "beneficiaryId is required.");
        check.District("district", request.District);
        if (request.Needs is not { Count: > 0 }) check.Add("needs", "needs lists at least one service category.");
        foreach (var need in request.Needs ?? []) check.OneOf("needs", need, ServiceCategories.All);
        check.OneOf("priority", request.Priority ?? "normal", CasePriorities.All);
        if (request.AssignedTo is { Length: > 100 }) check.Add("assignedTo", "assignedTo is at most 100 characters.");
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        if (!partner.MayActIn(request.District!)) return DistrictProblems.NotGranted(partner, request.District);
        var beneficiary = await db.Beneficiaries.Include(b => b.Consents).SingleOrDefaultAsync(b => b.Id == request.BeneficiaryId, cancellationToken);
        if (beneficiary is null || !partner.MayActIn(beneficiary.District))
            return TypedResults.Problem(statusCode: 422, title: "Unknown beneficiary", detail: "No registered person with this id in the districts you serve.");
        if (!beneficiary.HasConsent(ConsentPurposes.ServiceDelivery))
            return ConsentMissing(ConsentPurposes.ServiceDelivery);

        var now = clock.GetUtcNow();
        var @case = new Case
        {
            Id = Guid.CreateVersion7(), ReferenceCode = ReferenceCodes.New("CASE"), BeneficiaryId = beneficiary.Id, District = request.District!,
            Needs = request.Needs!.Distinct().ToList(), Priority = request.Priority ?? "normal", AssignedTo = request.AssignedTo, OpenedBy = partner.ClientId, OpenedAt = now,
        };
        db.Cases.Add(@case);
        audit.Record(partner, beneficiary.Id, "create", "case", @case.Id);
        db.PublishOnCommit(new CaseOpened
        {
            CaseId = @case.Id, ReferenceCode = @case.ReferenceCode, BeneficiaryId = beneficiary.Id, District = @case.District,
            Needs = @case.Needs, Priority = @case.Priority, OpenedAt = now,
        }, @case.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{@case.Id}", CaseSummary.From(@case));
    }

    public static async Task<Results<Ok<Page<CaseSummary>>, ValidationProblem, ProblemHttpResult>> List(string? district, string? status, int? page, int? pageSize, ClaimsPrincipal user, CasesDbContext db, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var paging = PageRequest.From(page, pageSize, check.Errors);
        if (district is not null) check.District("district", district);
        if (status is not null) check.OneOf("status", status, CaseStatuses.All);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        if (district is not null && !partner.MayActIn(district)) return DistrictProblems.NotGranted(partner, district);
        var query = db.Cases.AsNoTracking();
        if (!partner.ActsInAllDistricts)
        {
            var granted = partner.Districts.ToList();
            query = query.Where(c => granted.Contains(c.District));
        }
        if (district is not null) query = query.Where(c => c.District == district);
        if (status is not null) query = query.Where(c => c.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.OpenedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<CaseSummary>(items.Select(CaseSummary.From).ToList(), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Get(Guid id, [AsParameters] CaseServices services)
    {
        var (user, db, protector, audit, clock, cancellationToken) = services;
        var partner = Partner.From(user);
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null) return NotVisible.Problem("case");
        if (!partner.MayActIn(@case.District))
            return await FormerHolder.ViewAsync(db, partner, audit, @case, cancellationToken) is { } view ? TypedResults.Ok(view) : NotVisible.Problem("case");
        // Confidential notes of other institutions stay in the database: not read, not unsealed.
        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == id).Where(CaseNote.ShownTo(partner)).OrderBy(n => n.WrittenAt).ToListAsync(cancellationToken);
        var delivered = await db.Services.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.DeliveredOn).ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.MadeAt).ToListAsync(cancellationToken);
        await audit.ReadAsync(partner, @case.BeneficiaryId, "case", id, cancellationToken);
        var today = IstanbulTime.Today(clock);
        return TypedResults.Ok(new CaseResponse(
            CaseSummary.From(@case),
            notes.Select(n => NoteResponse.From(n, protector)).ToList(),
            delivered.Select(s => ServiceResponse.From(s, s.SealedNotes is null ? null : protector.OpenText(s.SealedNotes, $"service/{s.Id}"))).ToList(),
            referrals.Select(r => ReferralsApi.ReferralResponse.From(r, protector, today)).ToList(),
            await CaseCustody.HistoryAsync(db, @case, cancellationToken), FormerHolder.Holder));
    }

    public static async Task<Results<Ok<CaseSummary>, ValidationProblem, ProblemHttpResult>> Update(Guid id, UpdateRequest request, [AsParameters] CaseServices services)
    {
        var (user, db, _, audit, clock, cancellationToken) = services;
        var check = new Validation();
        check.OneOf("status", request.Status, CaseStatuses.All, required: false);
        check.OneOf("priority", request.Priority, CasePriorities.All, required: false);
        if (request.AssignedTo is { Length: > 100 }) check.Add("assignedTo", "assignedTo is at most 100 characters.");
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null || !partner.MayActIn(@case.District)) return NotVisible.Problem("case");
        if (@case.Status == CaseStatuses.Closed && request.Status is not null && request.Status != CaseStatuses.Closed)
            return TypedResults.Problem(statusCode: 409, title: "Case closed", detail: "A closed case is not reopened: open a new case.");
        if (request.Priority is not null) @case.Priority = request.Priority;
        if (request.AssignedTo is not null) @case.AssignedTo = request.AssignedTo;
        if (request.Status is not null && request.Status != @case.Status)
        {
            @case.Status = request.Status;
            if (request.Status == CaseStatuses.Closed)
            {
                @case.ClosedAt = clock.GetUtcNow();
                db.PublishOnCommit(new CaseClosed { CaseId = id, ReferenceCode = @case.ReferenceCode, District = @case.District, ClosedAt = @case.ClosedAt.Value }, id);
            }
        }
        audit.Record(partner, @case.BeneficiaryId, "update", "case", id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CaseSummary.From(@case));
    }

    public static async Task<Results<Created<NoteResponse>, ValidationProblem, ProblemHttpResult>> AddNote(Guid id, NoteRequest request, [AsParameters] CaseServices services)
    {
        var (user, db, protector, audit, clock, cancellationToken) = services;
        var check = new Validation();
        check.Required("text", request.Text, 4000);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null || !partner.MayActIn(@case.District)) return NotVisible.Problem("case");
        var noteId = Guid.CreateVersion7();
        var note = new CaseNote
        {
            Id = noteId, CaseId = id, SealedText = protector.SealText(request.Text!, $"case-note/{noteId}"), Confidential = request.Confidential,
            WrittenBy = partner.ClientId, WrittenByInstitution = partner.Institution, WrittenAt = clock.GetUtcNow(),
        };
        db.CaseNotes.Add(note);
        audit.Record(partner, @case.BeneficiaryId, "create", "case-note", noteId);
        await db.SaveChangesAsync(cancellationToken);
        // Notes have no address of their own: the case they belong to is where they are read.
        return TypedResults.Created($"/api/v1/cases/{id}", new NoteResponse(noteId, request.Text!, note.Confidential, note.WrittenBy, note.WrittenByInstitution, note.WrittenAt));
    }

    internal static ProblemHttpResult ConsentMissing(string purpose) =>
        TypedResults.Problem(statusCode: 422, title: "Consent missing",
            detail: $"The person has not given (or has withdrawn) consent for '{purpose}': record it first (POST /api/v1/beneficiaries/{{id}}/consents).");
}
