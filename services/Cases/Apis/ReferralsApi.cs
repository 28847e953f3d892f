namespace Platform.Cases.Apis;

/// <summary>
/// Referrals that close the loop: made on a case (with the person's referral consent), answered by the
/// receiving institution (accept, decline with a reason, complete with an outcome), overdue when not
/// answered by the due date, and the outcome visible to the referring desk.
/// </summary>
public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cases/{id}/referrals", Make).WithTags("Referrals").RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("MakeReferral").WithSummary("Refer a case to a service offer or an institution (its focal points are emailed a reference code) or to the livelihoods programme; an offer over its monthly capacity comes back as a warning")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        var api = app.MapGroup("/api/v1/referrals").WithTags("Referrals");
        api.MapGet("/", List).RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("ListReferrals").WithSummary("Referrals made by your districts or to your institution; filter by status or overdue (each person listed is audited)");
        api.MapGet("/{id}", Get).RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("GetReferral").WithSummary("One referral with its answer")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/accept", Accept).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("AcceptReferral").WithSummary("The receiving institution takes the referral on")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/decline", Decline).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("DeclineReferral").WithSummary("The receiving institution declines, with a reason")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/complete", Complete).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("CompleteReferral").WithSummary("The receiving institution completes it, with the outcome")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>What the referral handlers need besides their route and body.</summary>
    public sealed record ReferralServices(ClaimsPrincipal User, CasesDbContext Db, PersonalDataProtector Protector, AuditTrail Audit, TimeProvider Clock, CancellationToken CancellationToken);

    public sealed record MakeRequest(Guid? ToInstitutionId, string? ToProgramme, Guid? ServiceOfferId, string? Category, string? Reason, DateOnly? DueBy);
    public sealed record AnswerRequest(string? Reason, string? Outcome);

    public sealed record ReferralResponse(
        Guid Id, string ReferenceCode, Guid CaseId, string FromDistrict, Guid? ToInstitutionId, string? ToProgramme, Guid? ServiceOfferId, string Category,
        string Reason, DateOnly DueBy, string Status, bool Overdue, string? Answer, DateTimeOffset MadeAt, DateTimeOffset? AnsweredAt)
    {
        /// <summary>Only in the answer to making the referral (as a recorded service's duplicate warnings): what the desk should know.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<OfferReferrals.Warning>? Warnings { get; init; }

        public static ReferralResponse From(Referral r, PersonalDataProtector protector, DateOnly today) => new(
            r.Id, r.ReferenceCode, r.CaseId, r.FromDistrict, r.ToInstitutionId, r.ToProgramme, r.ServiceOfferId, r.Category,
            protector.OpenText(r.SealedReason, $"referral/{r.Id}/reason"), r.DueBy, r.Status, r.IsOverdue(today),
            r.SealedAnswer is null ? null : protector.OpenText(r.SealedAnswer, $"referral/{r.Id}/answer"), r.MadeAt, r.AnsweredAt);
    }

    public static async Task<Results<Created<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Make(
        Guid id, MakeRequest request, SharedEnvelope envelope, [AsParameters] ReferralServices services)
    {
        var (user, db, protector, audit, clock, cancellationToken) = services;
        var today = IstanbulTime.Today(clock);
        var check = new Validation();
        var toOffer = request.ServiceOfferId is not null;
        if (request.ToProgramme is not null && (request.ToInstitutionId is not null || toOffer))
            check.Add("toProgramme", "Give toProgramme alone: a programme is neither an institution nor a service offer.");
        else if (request.ToProgramme is null && request.ToInstitutionId is null && !toOffer)
            check.Add("serviceOfferId", "Give serviceOfferId, toInstitutionId or toProgramme.");
        if (request.ToProgramme is not null and not ServiceCategories.Livelihoods) check.Add("toProgramme", "The programme referrals go to is 'livelihoods'.");
        // A referral to an offer is in the offer's category; one named besides must agree (checked below).
        check.OneOf("category", request.Category, ServiceCategories.All, required: !toOffer);
        check.Required("reason", request.Reason, 2000);
        if (request.DueBy is not { } due) check.Add("dueBy", "dueBy is required (yyyy-MM-dd).");
        else if (due < today) check.Add("dueBy", "dueBy is in the past.");
        if (check.Failed) return check.Problem();

        var partner = Partner.From(user);
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null || !partner.MayActIn(@case.District)) return NotVisible.Problem("case");
        if (@case.Status == CaseStatuses.Closed) return TypedResults.Problem(statusCode: 409, title: "Case closed", detail: "Referrals are made on open cases.");
        var beneficiary = await db.Beneficiaries.AsNoTracking().Include(b => b.Consents).SingleAsync(b => b.Id == @case.BeneficiaryId, cancellationToken);
        if (!beneficiary.HasConsent(ConsentPurposes.Referral)) return CasesApi.ConsentMissing(ConsentPurposes.Referral);
        KnownServiceOffer? offer = null;
        OfferReferrals.Warning? capacity = null;
        if (request.ServiceOfferId is { } offerId)
        {
            offer = await db.ServiceOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken);
            if (offer is null) return OfferReferrals.Unknown(offerId);
            if (OfferReferrals.Disagreement(offer, request.ToInstitutionId, request.Category) is { } disagreement) return disagreement;
            // The person's details stay sealed unless the offer has an age limit; then the read is audited before anything is answered.
            async Task<DateOnly> DateOfBirthAsync(CancellationToken token)
            {
                var born = protector.Open(beneficiary).DateOfBirth;
                await audit.ReadAsync(partner, beneficiary.Id, "beneficiary", beneficiary.Id, token);
                return born;
            }
            if (await OfferReferrals.RefusalAsync(offer, @case.District, beneficiary, DateOfBirthAsync, today, cancellationToken) is { } refusal) return refusal;
            capacity = await OfferReferrals.CapacityWarningAsync(db, offer, today, cancellationToken);
        }
        KnownInstitution? institution = null;
        if ((offer?.InstitutionId ?? request.ToInstitutionId) is { } to && (institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == to, cancellationToken)) is null)
            return TypedResults.Problem(statusCode: 422, title: "Unknown institution",
                detail: offer is null ? "toInstitutionId is not an institution of the stakeholder directory." : "The service offer's institution is not in the stakeholder directory yet.");

        var now = clock.GetUtcNow();
        var referralId = Guid.CreateVersion7();
        var referral = new Referral
        {
            Id = referralId, ReferenceCode = ReferenceCodes.New("REF"), CaseId = id, BeneficiaryId = beneficiary.Id, FromDistrict = @case.District, MadeBy = partner.ClientId,
            FromInstitutionId = await ReferringDesk.OfPartnerAsync(db, partner, cancellationToken),
            ToInstitutionId = institution?.Id, ToProgramme = request.ToProgramme, ServiceOfferId = offer?.Id, Category = offer?.Category ?? request.Category!,
            SealedReason = protector.SealText(request.Reason!, $"referral/{referralId}/reason"), DueBy = request.DueBy!.Value, MadeAt = now,
        };
        db.Referrals.Add(referral);
        if (@case.Status is CaseStatuses.Open or CaseStatuses.InProgress) @case.Status = CaseStatuses.Referred;
        audit.Record(partner, beneficiary.Id, "refer", "referral", referralId);

        var recipients = await FocalPoints.OfAsync(db, institution?.Id, cancellationToken);
        string? applicant = null;
        // The one event that carries personal data: what the programme needs to reach her, only under her
        // data-sharing consent, sealed for livelihoods alone (the outbox and the broker hold ciphertext).
        // Without it the programme gets the referral without her name or phone, and the desk stays her contact.
        if (request.ToProgramme == ServiceCategories.Livelihoods && beneficiary.HasConsent(ConsentPurposes.DataSharing))
        {
            var details = protector.Open(beneficiary);
            applicant = envelope.Seal(new LivelihoodsApplicant
            {
                BeneficiaryId = beneficiary.Id, FullName = details.FullName, Phone = details.Phone ?? "", District = beneficiary.District, Languages = beneficiary.Languages,
            }, SharedEnvelope.ReferralContext(referralId));
            audit.Record(partner, beneficiary.Id, "share", "referral", referralId);
        }
        db.PublishOnCommit(new ReferralMade
        {
            ReferralId = referralId, ReferenceCode = referral.ReferenceCode, CaseId = id, FromDistrict = @case.District,
            ToInstitutionId = institution?.Id, ToInstitutionName = institution?.Name, ToProgramme = request.ToProgramme, ServiceOfferId = offer?.Id, Category = referral.Category,
            DueBy = referral.DueBy, Recipients = recipients, SealedApplicant = applicant, MadeAt = now,
        }, referralId);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/referrals/{referralId}", ReferralResponse.From(referral, protector, today) with { Warnings = capacity is null ? [] : [capacity] });
    }

    public static async Task<Results<Ok<Page<ReferralResponse>>, ValidationProblem>> List(string? status, bool? overdue, int? page, int? pageSize, [AsParameters] ReferralServices services)
    {
        var (user, db, protector, audit, clock, cancellationToken) = services;
        var check = new Validation();
        var paging = PageRequest.From(page, pageSize, check.Errors);
        check.OneOf("status", status, [ReferralStatuses.Made, ReferralStatuses.Accepted, ReferralStatuses.Declined, ReferralStatuses.Completed], required: false);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        var today = IstanbulTime.Today(clock);
        var query = Visible(db.Referrals.AsNoTracking(), partner);
        if (status is not null) query = query.Where(r => r.Status == status);
        if (overdue == true) query = query.Where(r => r.Status == ReferralStatuses.Made && r.DueBy < today);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(r => r.DueBy).ThenBy(r => r.MadeAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        // Each referral unsealed names its person's need: one read entry per person, before the page leaves.
        await audit.ReadManyAsync(partner, items.Select(r => (r.BeneficiaryId, r.Id)), "referral", cancellationToken);
        return TypedResults.Ok(new Page<ReferralResponse>(items.Select(r => ReferralResponse.From(r, protector, today)).ToList(), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<ReferralResponse>, ProblemHttpResult>> Get(Guid id, [AsParameters] ReferralServices services)
    {
        var (user, db, protector, audit, clock, cancellationToken) = services;
        var partner = Partner.From(user);
        var referral = await Visible(db.Referrals.AsNoTracking(), partner).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null) return NotVisible.Problem("referral");
        await audit.ReadAsync(partner, referral.BeneficiaryId, "referral", id, cancellationToken);
        return TypedResults.Ok(ReferralResponse.From(referral, protector, IstanbulTime.Today(clock)));
    }

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Accept(Guid id, [AsParameters] ReferralServices services) =>
        AnswerAsync(id, ReferralStatuses.Accepted, null, services);

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Decline(Guid id, AnswerRequest request, [AsParameters] ReferralServices services) =>
        AnswerAsync(id, ReferralStatuses.Declined, request.Reason, services);

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Complete(Guid id, AnswerRequest request, [AsParameters] ReferralServices services) =>
        AnswerAsync(id, ReferralStatuses.Completed, request.Outcome, services);

    private static async Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(Guid id, string outcome, string? text, ReferralServices services)
    {
        var (user, db, protector, audit, clock, cancellationToken) = services;
        var partner = Partner.From(user);
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null || !MayAnswer(partner, referral)) return NotVisible.Problem("referral");
        if (outcome != ReferralStatuses.Accepted && string.IsNullOrWhiteSpace(text))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [outcome == ReferralStatuses.Declined ? "reason" : "outcome"] = [outcome == ReferralStatuses.Declined ? "Say why the referral is declined." : "Say what was done."],
            });
        if (text is { Length: > 2000 }) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 2000 characters."] });
        var allowed = referral.Status switch
        {
            ReferralStatuses.Made => outcome is ReferralStatuses.Accepted or ReferralStatuses.Declined or ReferralStatuses.Completed,
            ReferralStatuses.Accepted => outcome is ReferralStatuses.Completed or ReferralStatuses.Declined,
            _ => false,
        };
        if (!allowed) return TypedResults.Problem(statusCode: 409, title: "Referral already answered", detail: $"The referral is {referral.Status}; it cannot be {outcome} now.");

        var now = clock.GetUtcNow();
        referral.Status = outcome;
        referral.AnsweredBy = partner.ClientId;
        // Time to answer counts to the first answer, whatever it was.
        referral.AnsweredAt ??= now;
        if (outcome == ReferralStatuses.Accepted) referral.AcceptedAt = now;
        if (text is not null) referral.SealedAnswer = protector.SealText(text, $"referral/{id}/answer");
        audit.Record(partner, referral.BeneficiaryId, "update", "referral", id);
        // The loop closed: the referring desk's focal points are emailed the code and the outcome (the text stays sealed here).
        var desk = await ReferringDesk.OfAsync(db, referral, cancellationToken);
        var receiver = referral.ToInstitutionId is { } to ? await db.Institutions.AsNoTracking().Where(i => i.Id == to).Select(i => i.Name).SingleOrDefaultAsync(cancellationToken) : null;
        db.PublishOnCommit(new ReferralAnswered
        {
            ReferralId = id, ReferenceCode = referral.ReferenceCode, CaseId = referral.CaseId, Outcome = outcome, AnsweredAt = now,
            FromDistrict = referral.FromDistrict, Category = referral.Category, ToInstitutionId = referral.ToInstitutionId, ToInstitutionName = receiver,
            ServiceOfferId = referral.ServiceOfferId, Recipients = await FocalPoints.OfAsync(db, desk, cancellationToken),
        }, id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReferralResponse.From(referral, protector, IstanbulTime.Today(clock)));
    }

    /// <summary>The referring desk's districts, the receiving institution, and city-wide partners see a referral.</summary>
    private static IQueryable<Referral> Visible(IQueryable<Referral> referrals, Partner partner)
    {
        if (partner.ActsInAllDistricts) return referrals;
        var granted = partner.Districts.ToList();
        var institution = Guid.TryParse(partner.Institution, out var own) ? own : (Guid?)null;
        return referrals.Where(r => granted.Contains(r.FromDistrict) || (institution != null && r.ToInstitutionId == institution));
    }

    /// <summary>The receiving institution answers (or a city-wide partner on its behalf; the programme answers livelihoods referrals).</summary>
    private static bool MayAnswer(Partner partner, Referral referral) =>
        partner.ActsInAllDistricts || (Guid.TryParse(partner.Institution, out var own) && referral.ToInstitutionId == own);
}
