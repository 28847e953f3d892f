namespace Platform.Cases.Apis;

/// <summary>
/// A case handed over to the desk of another district: requested by the holding desk, accepted or
/// declined by the receiving one. Accepted, the case and the person move; the sending desk keeps the
/// services it recorded and loses the person (see <see cref="FormerHolder"/>). Every step is audited,
/// published, and the receiving desk's focal points are emailed the reference code.
/// </summary>
public static class TransfersApi
{
    public static IEndpointRouteBuilder MapTransfersApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cases/{id}/transfer", Request).WithTags("Transfers").RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("RequestCaseTransfer").WithSummary("Ask the desk of another district (and an institution there, if named) to take the case over; its focal points are emailed the reference code")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        var api = app.MapGroup("/api/v1/transfers").WithTags("Transfers");
        api.MapGet("/", List).RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("ListCaseTransfers").WithSummary("Transfers your desk sent (direction=outgoing) or is to receive (direction=incoming); each person listed is audited")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/{id}", Get).RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("GetCaseTransfer").WithSummary("One transfer, to its sending and its receiving desk (audited)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/accept", Accept).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("AcceptCaseTransfer").WithSummary("The receiving desk takes the case over: the case and the person move to its district")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/decline", Decline).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("DeclineCaseTransfer").WithSummary("The receiving desk declines, with a reason; the case stays where it is")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>What the transfer handlers need besides their route and body.</summary>
    public sealed record TransferServices(ClaimsPrincipal User, CasesDbContext Db, PersonalDataProtector Protector, AuditTrail Audit, TimeProvider Clock, CancellationToken CancellationToken);

    public sealed record TransferRequest(string? ToDistrict, Guid? ToInstitutionId, string? Reason);
    public sealed record DeclineRequest(string? Reason);

    /// <summary>A transfer with what the receiving desk needs to decide: the case's code, needs and priority, never the person.</summary>
    public sealed record TransferResponse(
        Guid Id, string ReferenceCode, Guid CaseId, string CaseReference, IReadOnlyList<string> Needs, string Priority,
        string FromDistrict, Guid? FromInstitutionId, string ToDistrict, Guid? ToInstitutionId, string Reason, string Status,
        string RequestedBy, DateTimeOffset RequestedAt, string? AnsweredBy, DateTimeOffset? AnsweredAt, string? DeclineReason)
    {
        public static TransferResponse From(CaseTransfer t, Case c, PersonalDataProtector protector) => new(
            t.Id, t.ReferenceCode, t.CaseId, c.ReferenceCode, c.Needs, c.Priority, t.FromDistrict, t.FromInstitutionId, t.ToDistrict, t.ToInstitutionId,
            protector.OpenText(t.SealedReason, CaseTransfer.ReasonContext(t.Id)), t.Status, t.RequestedBy, t.RequestedAt, t.AnsweredBy, t.AnsweredAt,
            t.SealedDeclineReason is null ? null : protector.OpenText(t.SealedDeclineReason, CaseTransfer.DeclineContext(t.Id)));
    }

    public static async Task<Results<Created<TransferResponse>, ValidationProblem, ProblemHttpResult>> Request(Guid id, TransferRequest request, [AsParameters] TransferServices services)
    {
        var (user, db, protector, audit, clock, cancellationToken) = services;
        var check = new Validation();
        check.District("toDistrict", request.ToDistrict);
        check.Required("reason", request.Reason, 2000);
        if (check.Failed) return check.Problem();

        var partner = Partner.From(user);
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null || !partner.MayActIn(@case.District)) return NotVisible.Problem("case");
        if (@case.District == request.ToDistrict)
            return TypedResults.Problem(statusCode: 422, title: "Same district", detail: $"The case is already held in '{@case.District}': a transfer goes to another district's desk.");
        if (@case.Status == CaseStatuses.Closed) return TypedResults.Problem(statusCode: 409, title: "Case closed", detail: "A closed case is not transferred: open a new case at the other desk.");
        KnownInstitution? institution = null;
        if (request.ToInstitutionId is { } to)
        {
            institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == to, cancellationToken);
            if (institution is null)
                return TypedResults.Problem(statusCode: 422, title: "Unknown institution", detail: "toInstitutionId is not an institution of the stakeholder directory.");
            if (institution.District is { } district && district != request.ToDistrict)
                return TypedResults.Problem(statusCode: 422, title: "Institution elsewhere", detail: $"The institution serves '{district}', not '{request.ToDistrict}'.");
        }
        if (await db.Transfers.AnyAsync(t => t.CaseId == id && t.Status == TransferStatuses.Pending, cancellationToken)) return AlreadyPending();

        var now = clock.GetUtcNow();
        var transferId = Guid.CreateVersion7();
        var transfer = new CaseTransfer
        {
            Id = transferId, ReferenceCode = ReferenceCodes.New("TRF"), CaseId = id, BeneficiaryId = @case.BeneficiaryId,
            FromDistrict = @case.District, FromInstitutionId = await ReferringDesk.OfPartnerAsync(db, partner, cancellationToken),
            ToDistrict = request.ToDistrict!, ToInstitutionId = institution?.Id,
            SealedReason = protector.SealText(request.Reason!.Trim(), CaseTransfer.ReasonContext(transferId)), RequestedBy = partner.ClientId, RequestedAt = now,
        };
        db.Transfers.Add(transfer);
        audit.Record(partner, @case.BeneficiaryId, "transfer", "transfer", transferId);
        // The receiving desk: the institution named, otherwise the district's Social Protection Desk in the directory.
        var desk = institution?.Id ?? await ReferringDesk.OfDistrictAsync(db, transfer.ToDistrict, cancellationToken);
        var deskName = institution?.Name ?? (desk is { } found ? await db.Institutions.Where(i => i.Id == found).Select(i => i.Name).SingleAsync(cancellationToken) : null);
        db.PublishOnCommit(new CaseTransferRequested
        {
            TransferId = transferId, ReferenceCode = transfer.ReferenceCode, CaseId = id, CaseReference = @case.ReferenceCode,
            FromDistrict = transfer.FromDistrict, ToDistrict = transfer.ToDistrict, ToInstitutionId = transfer.ToInstitutionId, ToInstitutionName = deskName,
            Recipients = await FocalPoints.OfAsync(db, desk, cancellationToken), RequestedAt = now,
        }, id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_case_transfers_one_pending_per_case" })
        {
            // Another request for the same case committed in between.
            return AlreadyPending();
        }
        return TypedResults.Created($"/api/v1/transfers/{transferId}", TransferResponse.From(transfer, @case, protector));
    }

    public static async Task<Results<Ok<Page<TransferResponse>>, ValidationProblem>> List(string? direction, string? status, int? page, int? pageSize, [AsParameters] TransferServices services)
    {
        var (user, db, protector, audit, _, cancellationToken) = services;
        var check = new Validation();
        var paging = PageRequest.From(page, pageSize, check.Errors);
        check.OneOf("direction", direction, TransferDirections.All, required: false);
        check.OneOf("status", status, TransferStatuses.All, required: false);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        var query = TransferVisibility.Of(db.Transfers.AsNoTracking(), partner, direction);
        if (status is not null) query = query.Where(t => t.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(t => t.RequestedAt).Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Cases.AsNoTracking(), t => t.CaseId, c => c.Id, (t, c) => new { Transfer = t, Case = c }).ToListAsync(cancellationToken);
        // Each reason unsealed tells something of its person: one read entry per person, before the page leaves.
        await audit.ReadManyAsync(partner, items.Select(i => (i.Transfer.BeneficiaryId, i.Transfer.Id)), "transfer", cancellationToken);
        return TypedResults.Ok(new Page<TransferResponse>(items.Select(i => TransferResponse.From(i.Transfer, i.Case, protector)).ToList(), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<TransferResponse>, ProblemHttpResult>> Get(Guid id, [AsParameters] TransferServices services)
    {
        var (user, db, protector, audit, _, cancellationToken) = services;
        var partner = Partner.From(user);
        var transfer = await TransferVisibility.Of(db.Transfers.AsNoTracking(), partner, null).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (transfer is null) return NotVisible.Problem("transfer");
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == transfer.CaseId, cancellationToken);
        await audit.ReadAsync(partner, transfer.BeneficiaryId, "transfer", id, cancellationToken);
        return TypedResults.Ok(TransferResponse.From(transfer, @case, protector));
    }

    public static Task<Results<Ok<TransferResponse>, ValidationProblem, ProblemHttpResult>> Accept(Guid id, [AsParameters] TransferServices services) =>
        AnswerAsync(id, TransferStatuses.Accepted, null, services);

    public static Task<Results<Ok<TransferResponse>, ValidationProblem, ProblemHttpResult>> Decline(Guid id, DeclineRequest request, [AsParameters] TransferServices services) =>
        AnswerAsync(id, TransferStatuses.Declined, request.Reason, services);

    private static async Task<Results<Ok<TransferResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(Guid id, string outcome, string? reason, TransferServices services)
    {
        var (user, db, protector, audit, clock, cancellationToken) = services;
        if (outcome == TransferStatuses.Declined)
        {
            var check = new Validation();
            check.Required("reason", reason, 2000);
            if (check.Failed) return check.Problem();
        }
        var partner = Partner.From(user);
        var transfer = await db.Transfers.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        // Neither side of it: the transfer does not exist for this partner.
        if (transfer is null || !(transfer.IsSentBy(partner) || transfer.IsReceivedBy(partner))) return NotVisible.Problem("transfer");
        var @case = await db.Cases.SingleAsync(c => c.Id == transfer.CaseId, cancellationToken);
        if (outcome == TransferStatuses.Accepted && transfer.IsPending && transfer.IsReceivedBy(partner) && @case.Status == CaseStatuses.Closed)
            return TypedResults.Problem(statusCode: 409, title: "Case closed", detail: "The sending desk closed the case meanwhile: decline the transfer.");

        var now = clock.GetUtcNow();
        var refusal = outcome == TransferStatuses.Accepted
            ? transfer.Accept(partner, now)
            : transfer.Decline(partner, now, protector.SealText(reason!.Trim(), CaseTransfer.DeclineContext(id)));
        switch (refusal)
        {
            case TransferRefusal.NotTheReceiver:
                return TypedResults.Problem(statusCode: 403, title: "Not the receiving desk",
                    detail: $"Only the desk of '{transfer.ToDistrict}'{(transfer.ToInstitutionId is null ? "" : " acting for the institution named")} answers this transfer.");
            case TransferRefusal.AlreadyAnswered:
                return TypedResults.Problem(statusCode: 409, title: "Transfer already answered", detail: $"The transfer is {transfer.Status}; it cannot be {outcome} now.");
        }

        audit.Record(partner, transfer.BeneficiaryId, outcome == TransferStatuses.Accepted ? "accept" : "decline", "transfer", id);
        if (outcome == TransferStatuses.Accepted)
        {
            await MoveAsync(db, @case, transfer, cancellationToken);
            audit.Record(partner, transfer.BeneficiaryId, "update", "case", @case.Id);
            audit.Record(partner, transfer.BeneficiaryId, "update", "beneficiary", transfer.BeneficiaryId);
            db.PublishOnCommit(new CaseTransferAccepted
            {
                TransferId = id, ReferenceCode = transfer.ReferenceCode, CaseId = @case.Id, CaseReference = @case.ReferenceCode,
                FromDistrict = transfer.FromDistrict, ToDistrict = transfer.ToDistrict, ToInstitutionId = transfer.ToInstitutionId, AcceptedAt = now,
            }, @case.Id);
        }
        else
        {
            db.PublishOnCommit(new CaseTransferDeclined
            {
                TransferId = id, ReferenceCode = transfer.ReferenceCode, CaseId = @case.Id, CaseReference = @case.ReferenceCode,
                FromDistrict = transfer.FromDistrict, ToDistrict = transfer.ToDistrict, ToInstitutionId = transfer.ToInstitutionId, DeclinedAt = now,
            }, @case.Id);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The other answer (or a change to the case) committed first.
            return TypedResults.Problem(statusCode: 409, title: "Transfer already answered", detail: "The transfer or its case changed meanwhile; read it again.");
        }
        return TypedResults.Ok(TransferResponse.From(transfer, @case, protector));
    }

    /// <summary>
    /// The case and the person now belong to the receiving district; the staff member assigned at the
    /// sending desk is no longer theirs. The services stay where they were delivered (reports count them
    /// there) and are read through the case.
    /// </summary>
    private static async Task MoveAsync(CasesDbContext db, Case @case, CaseTransfer transfer, CancellationToken cancellationToken)
    {
        @case.District = transfer.ToDistrict;
        @case.AssignedTo = null;
        var beneficiary = await db.Beneficiaries.SingleAsync(b => b.Id == transfer.BeneficiaryId, cancellationToken);
        beneficiary.District = transfer.ToDistrict;
    }

    private static ProblemHttpResult AlreadyPending() =>
        TypedResults.Problem(statusCode: 409, title: "Transfer pending", detail: "The case already waits for another desk's answer to a transfer.");
}
