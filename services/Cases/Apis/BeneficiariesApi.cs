using System.Globalization;

namespace Platform.Cases.Apis;

/// <summary>People registered at a desk: registration, their personal details (audited), consents.</summary>
public static class BeneficiariesApi
{
    public static IEndpointRouteBuilder MapBeneficiariesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/beneficiaries").WithTags("Beneficiaries");
        api.MapPost("/", Register).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("RegisterBeneficiary").WithSummary("Register a person at a desk; personal fields are stored encrypted")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id}", Get).RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("GetBeneficiary").WithSummary("A person's details (every read is audited), with an ETag for a correction's If-Match; 404 outside your districts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/consents", GiveConsent).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("GiveConsent").WithSummary("Record consent for a purpose: service-delivery, referral, data-sharing; 410 once the person is erased")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        api.MapPost("/{id}/consents/{purpose}/withdraw", WithdrawConsent).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("WithdrawConsent").WithSummary("Withdraw consent for a purpose; 410 once the person is erased")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        return app;
    }

    /// <summary>What the beneficiary handlers need besides their route and body.</summary>
    public sealed record BeneficiaryServices(HttpContext Http, ClaimsPrincipal User, CasesDbContext Db, PersonalDataProtector Protector, AuditTrail Audit, TimeProvider Clock, CancellationToken CancellationToken);

    public sealed record ConsentRequest(string? Purpose, DateTimeOffset? GivenAt);

    /// <param name="NationalIdNumber">A Turkish citizen's T.C. identity number (11 digits, both check digits).</param>
    /// <param name="ForeignerIdNumber">A foreigner identity number (11 digits starting with 99).</param>
    /// <param name="Document">A passport or a UNHCR case number (the individual's number); matched like the identity numbers, by keyed hash only.</param>
    public sealed record RegisterRequest(
        string? FullName, string? NationalIdNumber, string? ForeignerIdNumber, DocumentRequest? Document, DateOnly? DateOfBirth, string? Sex, string? Nationality, string? LegalStatus,
        string? Phone, string? District, int? HouseholdSize, List<string>? Languages, List<string>? Vulnerabilities, List<ConsentRequest>? Consents);

    public sealed record Registered(Guid Id, string ReferenceCode);

    public sealed record ConsentResponse(string Purpose, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt);

    public sealed record BeneficiaryResponse(
        Guid Id, string ReferenceCode, string FullName, string? NationalIdNumber, string? ForeignerIdNumber, IdentityDocument? Document, DateOnly DateOfBirth, string Sex, string Nationality,
        string LegalStatus, string? Phone, string District, int HouseholdSize, IReadOnlyList<string> Languages, IReadOnlyList<string> Vulnerabilities,
        IReadOnlyList<ConsentResponse> Consents, DateTimeOffset RegisteredAt);

    public static async Task<Results<Created<Registered>, ValidationProblem, ProblemHttpResult>> Register(RegisterRequest request, [AsParameters] BeneficiaryServices services)
    {
        var (_, user, db, protector, audit, clock, cancellationToken) = services;
        var now = clock.GetUtcNow();
        var check = Validate(request, now, out var identifiers);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        if (!partner.MayActIn(request.District!)) return DistrictProblems.NotGranted(partner, request.District);

        var hashes = identifiers.Select(protector.IdentifierHash).ToList();
        if (hashes.Count > 0 && await db.Beneficiaries.AnyAsync(b => b.District == request.District && b.Identifiers.Any(i => hashes.Contains(i.Hash)), cancellationToken))
            return TypedResults.Problem(statusCode: 409, title: "Already registered",
                detail: "A person with one of these identifiers is already registered in this district: open a case on that registration.");

        var id = Guid.CreateVersion7();
        var fullName = request.FullName!.Trim();
        var beneficiary = new Beneficiary
        {
            Id = id,
            ReferenceCode = ReferenceCodes.New("BNF"),
            District = request.District!,
            LegalStatus = request.LegalStatus!,
            Sex = request.Sex!,
            Nationality = request.Nationality!.ToUpperInvariant(),
            HouseholdSize = request.HouseholdSize ?? 1,
            Languages = request.Languages ?? [],
            Vulnerabilities = request.Vulnerabilities ?? [],
            RegisteredBy = partner.ClientId,
            RegisteredAt = now,
        };
        protector.SealInto(beneficiary, new PersonalDetails(fullName, Value(identifiers, IdentifierKinds.ForeignerId), request.DateOfBirth!.Value, request.Phone?.Trim(),
            Value(identifiers, IdentifierKinds.NationalId), identifiers.FirstOrDefault(i => IdentifierKinds.Documents.Contains(i.Kind)) is { } document ? new IdentityDocument(document.Kind, document.Value) : null), now);
        foreach (var consent in request.Consents ?? [])
            beneficiary.Consents.Add(new Consent { Id = Guid.CreateVersion7(), BeneficiaryId = id, Purpose = consent.Purpose!, GivenAt = consent.GivenAt!.Value.ToUniversalTime() });
        db.Beneficiaries.Add(beneficiary);
        audit.Record(partner, id, "create", "beneficiary");
        db.PublishOnCommit(new BeneficiaryRegistered
        {
            BeneficiaryId = id, ReferenceCode = beneficiary.ReferenceCode, District = beneficiary.District,
            LegalStatus = beneficiary.LegalStatus, HouseholdSize = beneficiary.HouseholdSize, RegisteredAt = now,
        }, id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/beneficiaries/{id}", new Registered(id, beneficiary.ReferenceCode));
    }

    public static async Task<Results<Ok<BeneficiaryResponse>, ProblemHttpResult>> Get(Guid id, [AsParameters] BeneficiaryServices services)
    {
        var (http, user, db, protector, audit, _, cancellationToken) = services;
        var partner = Partner.From(user);
        var beneficiary = await db.Beneficiaries.AsNoTracking().Include(b => b.Consents).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (beneficiary is null || !partner.MayActIn(beneficiary.District)) return NotVisible.Problem("beneficiary");
        if (beneficiary.IsErased) return PersonsRightsApi.Gone();
        await audit.ReadAsync(partner, id, "beneficiary", id, cancellationToken);
        http.Response.Headers.ETag = ETags.Of(beneficiary.Version);
        return TypedResults.Ok(Response(beneficiary, protector.Open(beneficiary)));
    }

    internal static BeneficiaryResponse Response(Beneficiary beneficiary, PersonalDetails details) =>
        new(beneficiary.Id, beneficiary.ReferenceCode, details.FullName, details.NationalIdNumber, details.ForeignerIdNumber, details.Document, details.DateOfBirth, beneficiary.Sex, beneficiary.Nationality,
            beneficiary.LegalStatus, details.Phone, beneficiary.District, beneficiary.HouseholdSize, beneficiary.Languages, beneficiary.Vulnerabilities,
            beneficiary.Consents.OrderBy(c => c.GivenAt).Select(c => new ConsentResponse(c.Purpose, c.GivenAt, c.WithdrawnAt)).ToList(), beneficiary.RegisteredAt);

    private static string? Value(IReadOnlyList<PersonIdentifier> identifiers, string kind) => identifiers.FirstOrDefault(i => i.Kind == kind)?.Value;

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> GiveConsent(Guid id, ConsentRequest request, [AsParameters] BeneficiaryServices services)
    {
        var (_, user, db, _, audit, clock, cancellationToken) = services;
        var partner = Partner.From(user);
        var beneficiary = await db.Beneficiaries.Include(b => b.Consents).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (beneficiary is null || !partner.MayActIn(beneficiary.District)) return NotVisible.Problem("beneficiary");
        if (beneficiary.IsErased) return PersonsRightsApi.Gone();
        var check = new Validation();
        ValidateConsent(check, "purpose", request, clock.GetUtcNow());
        if (check.Failed) return check.Problem();
        if (!beneficiary.HasConsent(request.Purpose!))
            db.Add(new Consent { Id = Guid.CreateVersion7(), BeneficiaryId = id, Purpose = request.Purpose!, GivenAt = request.GivenAt!.Value.ToUniversalTime() });
        audit.Record(partner, id, "update", "consent");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> WithdrawConsent(Guid id, string purpose, [AsParameters] BeneficiaryServices services)
    {
        var (_, user, db, _, audit, clock, cancellationToken) = services;
        var partner = Partner.From(user);
        var beneficiary = await db.Beneficiaries.Include(b => b.Consents).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (beneficiary is null || !partner.MayActIn(beneficiary.District)) return NotVisible.Problem("beneficiary");
        if (beneficiary.IsErased) return PersonsRightsApi.Gone();
        if (!ConsentPurposes.All.Contains(purpose)) return TypedResults.Problem(statusCode: 404, title: $"No consent purpose {purpose}.");
        foreach (var consent in beneficiary.Consents.Where(c => c.Purpose == purpose && c.WithdrawnAt is null)) consent.WithdrawnAt = clock.GetUtcNow();
        audit.Record(partner, id, "update", "consent");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Validation Validate(RegisterRequest request, DateTimeOffset now, out IReadOnlyList<PersonIdentifier> identifiers)
    {
        var check = new Validation();
        check.Required("fullName", request.FullName);
        identifiers = IdentifierFields.Read(check, request.NationalIdNumber, request.ForeignerIdNumber, request.Document);
        BeneficiaryFields.DateOfBirth(check, request.DateOfBirth, now);
        check.OneOf("sex", request.Sex, Sexes.All);
        if (request.Nationality is not { Length: 2 } nationality || !nationality.All(char.IsAsciiLetter))
            check.Add("nationality", "nationality is an ISO 3166 two-letter country code (SY, AF, IQ, IR, ...).");
        check.OneOf("legalStatus", request.LegalStatus, LegalStatuses.All);
        BeneficiaryFields.Phone(check, request.Phone);
        check.District("district", request.District);
        if (request.HouseholdSize is < 1 or > 30) check.Add("householdSize", "householdSize is between 1 and 30.");
        BeneficiaryFields.Languages(check, request.Languages);
        BeneficiaryFields.Vulnerabilities(check, request.Vulnerabilities);
        for (var i = 0; i < (request.Consents?.Count ?? 0); i++) ValidateConsent(check, $"consents[{i}]", request.Consents![i], now);
        return check;
    }

    private static void ValidateConsent(Validation check, string field, ConsentRequest consent, DateTimeOffset now)
    {
        check.OneOf($"{field}.purpose", consent.Purpose, ConsentPurposes.All);
        if (consent.GivenAt is not { } given) check.Add($"{field}.givenAt", "givenAt is required (when the person gave consent).");
        else if (given > now.AddMinutes(5)) check.Add($"{field}.givenAt", "givenAt is in the future.");
    }
}
