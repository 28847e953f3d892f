namespace Platform.Cases.Apis;

/// <summary>Services delivered on a case, checked against duplicated aid first; and the check on its own.</summary>
public static class ServicesApi
{
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cases/{id}/services", Record).WithTags("Cases").RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("RecordService")
            .WithSummary("Record a service delivered (channel: in-person unless told, phone, online, home-visit); aid of the same category given elsewhere within 30 days comes back as warnings (409 with ?strict=true)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapPost("/api/v1/duplicate-checks", Check).WithTags("Duplicate checks").RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("CheckDuplicateAssistance")
            .WithSummary("Was this category of aid given to this person by another desk or institution within the window? Names where and when, never the person")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>What recording a service and checking for duplicated aid need besides the route and body.</summary>
    public sealed record DeliveryServices(
        ClaimsPrincipal User, CasesDbContext Db, PersonalDataProtector Protector, DuplicateAssistanceCheck Duplicates, AuditTrail Audit, TimeProvider Clock, CancellationToken CancellationToken);

    public sealed record RecordRequest(string? Category, string? Subject, string? Channel, Guid? ProviderInstitutionId, DateOnly? DeliveredOn, decimal? Amount, string? Currency, string? Notes, int? WindowDays);
    public sealed record Recorded(Guid Id, Guid CaseId, string Category, string? Subject, string Channel, DateOnly DeliveredOn, IReadOnlyList<AssistanceMatch> Warnings);
    /// <param name="NationalIdNumber">A T.C. identity number.</param>
    /// <param name="ForeignerIdNumber">A foreigner identity number (99...).</param>
    /// <param name="Document">A passport or UNHCR case number.</param>
    public sealed record CheckRequest(string? NationalIdNumber, string? ForeignerIdNumber, DocumentRequest? Document, string? FullName, DateOnly? DateOfBirth,
        string? Category, int? WindowDays, string? District, DateOnly? On);
    public sealed record CheckResult(Guid CheckId, bool Duplicate, IReadOnlyList<AssistanceMatch> Matches);

    public static async Task<Results<Created<Recorded>, ValidationProblem, ProblemHttpResult>> Record(
        Guid id, RecordRequest request, bool? strict, [AsParameters] DeliveryServices services)
    {
        var (user, db, protector, duplicates, audit, clock, cancellationToken) = services;
        var today = IstanbulTime.Today(clock);
        var check = new Validation();
        check.OneOf("category", request.Category, ServiceCategories.All);
        if (request.Category == ServiceCategories.LegalAid) check.OneOf("subject", request.Subject, ServiceCategories.LegalAidSubjects);
        else if (request.Subject is not null) check.Add("subject", "Only legal aid has a subject.");
        check.OneOf("channel", request.Channel, ServiceChannels.All, required: false);
        if (request.ProviderInstitutionId is null) check.Add("providerInstitutionId", "providerInstitutionId is required (the institution that delivered it).");
        if (request.DeliveredOn is not { } on) check.Add("deliveredOn", "deliveredOn is required (yyyy-MM-dd).");
        else if (on > today) check.Add("deliveredOn", "deliveredOn is in the future: record services once delivered.");
        if (request.Amount is { } amount && (amount <= 0 || decimal.Round(amount, 2) != amount)) check.Add("amount", "amount is positive, in TRY with at most two decimals (kuruş).");
        if (request.Amount is not null && request.Currency is not "TRY") check.Add("currency", "Amounts are in TRY: currency must be TRY.");
        if (request.Amount is null && request.Currency is not null) check.Add("amount", "A currency needs an amount.");
        if (request.Notes is { Length: > 2000 }) check.Add("notes", "notes are at most 2000 characters.");
        if (request.WindowDays is < 1 or > 365) check.Add("windowDays", "windowDays is between 1 and 365.");
        if (check.Failed) return check.Problem();

        var partner = Partner.From(user);
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null || !partner.MayActIn(@case.District)) return NotVisible.Problem("case");
        if (@case.Status == CaseStatuses.Closed) return TypedResults.Problem(statusCode: 409, title: "Case closed", detail: "Services are recorded on open cases.");
        var beneficiary = await db.Beneficiaries.AsNoTracking().Include(b => b.Consents).SingleAsync(b => b.Id == @case.BeneficiaryId, cancellationToken);
        if (!beneficiary.HasConsent(ConsentPurposes.ServiceDelivery)) return CasesApi.ConsentMissing(ConsentPurposes.ServiceDelivery);
        if (!await db.Institutions.AnyAsync(i => i.Id == request.ProviderInstitutionId, cancellationToken))
            return TypedResults.Problem(statusCode: 422, title: "Unknown provider", detail: "providerInstitutionId is not an institution of the stakeholder directory.");

        var details = protector.Open(beneficiary);
        var matches = await duplicates.FindAsync(
            new DuplicateAssistanceCheck.Person(PersonIdentifier.Of(details), details.FullName, details.DateOfBirth, beneficiary.Id),
            new DuplicateAssistanceCheck.Service(request.Category!, request.DeliveredOn!.Value, request.WindowDays ?? DuplicateAssistanceCheck.DefaultWindowDays, @case.District, request.ProviderInstitutionId),
            partner, cancellationToken);
        var now = clock.GetUtcNow();
        if (matches.Count > 0) Flag(db, partner, @case.District, request.Category!, matches, prevented: strict == true, now);
        if (matches.Count > 0 && strict == true)
        {
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Problem(statusCode: 409, title: "Duplicate assistance",
                detail: $"{request.Category} was given to this person elsewhere within the window; nothing was recorded.",
                extensions: new Dictionary<string, object?> { ["matches"] = matches });
        }

        var serviceId = Guid.CreateVersion7();
        var channel = request.Channel ?? ServiceChannels.InPerson;
        db.Services.Add(new ServiceRecord
        {
            Id = serviceId, CaseId = id, BeneficiaryId = beneficiary.Id, District = @case.District, Category = request.Category!, Subject = request.Subject,
            Channel = channel, ProviderInstitutionId = request.ProviderInstitutionId!.Value, DeliveredOn = request.DeliveredOn.Value, Amount = request.Amount, Currency = request.Currency,
            SealedNotes = request.Notes is null ? null : protector.SealText(request.Notes, $"service/{serviceId}"), RecordedBy = partner.ClientId, RecordedAt = now,
        });
        audit.Record(partner, beneficiary.Id, "create", "service", serviceId);
        db.PublishOnCommit(new ServiceDelivered
        {
            ServiceId = serviceId, CaseId = id, CaseReference = @case.ReferenceCode, District = @case.District, Category = request.Category!, Subject = request.Subject,
            Channel = channel, ProviderInstitutionId = request.ProviderInstitutionId.Value, DeliveredOn = request.DeliveredOn.Value, Amount = request.Amount, Currency = request.Currency,
        }, id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}", new Recorded(serviceId, id, request.Category!, request.Subject, channel, request.DeliveredOn.Value, matches));
    }

    public static async Task<Results<Ok<CheckResult>, ValidationProblem, ProblemHttpResult>> Check(CheckRequest request, [AsParameters] DeliveryServices services)
    {
        var (user, db, _, duplicates, _, clock, cancellationToken) = services;
        var check = new Validation();
        var partner = Partner.From(user);
        var wanted = ReadCheck(check, request, partner, IstanbulTime.Today(clock));
        if (check.Failed) return check.Problem();
        if (request.District is not null && !partner.MayActIn(request.District)) return DistrictProblems.NotGranted(partner, request.District);

        var matches = await duplicates.FindAsync(wanted.Person, wanted.Service, partner, cancellationToken);
        var checkId = Guid.CreateVersion7();
        if (matches.Count > 0) Flag(db, partner, wanted.Service.District, request.Category!, matches, prevented: false, clock.GetUtcNow(), checkId);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CheckResult(checkId, matches.Count > 0, matches));
    }

    /// <summary>
    /// The check a request asks for, with its field errors added to <paramref name="check"/> (under
    /// <paramref name="prefix"/> in a batch). A check in no district named is in the partner's first district,
    /// or city-wide ("*") for a partner of every district.
    /// </summary>
    internal static DuplicateAssistanceCheck.Check ReadCheck(Validation check, CheckRequest request, Partner partner, DateOnly today, string prefix = "")
    {
        var identifiers = IdentifierFields.Read(check, request.NationalIdNumber, request.ForeignerIdNumber, request.Document, prefix);
        var named = !string.IsNullOrWhiteSpace(request.NationalIdNumber) || !string.IsNullOrWhiteSpace(request.ForeignerIdNumber) || request.Document is not null;
        if (!named && (string.IsNullOrWhiteSpace(request.FullName) || request.DateOfBirth is null))
            check.Add($"{prefix}foreignerIdNumber", "Give an identity number (nationalIdNumber, foreignerIdNumber), a document, or the full name with the date of birth.");
        if (request.FullName is { Length: > 200 }) check.Add($"{prefix}fullName", "fullName is longer than 200 characters.");
        check.OneOf($"{prefix}category", request.Category, ServiceCategories.All);
        if (request.WindowDays is < 1 or > 365) check.Add($"{prefix}windowDays", "windowDays is between 1 and 365.");
        if (request.District is not null) check.District($"{prefix}district", request.District);
        var district = request.District ?? (partner.ActsInAllDistricts ? "*" : partner.Districts.First());
        return new DuplicateAssistanceCheck.Check(
            new DuplicateAssistanceCheck.Person(identifiers, string.IsNullOrWhiteSpace(request.FullName) ? null : request.FullName.Trim(), request.DateOfBirth),
            new DuplicateAssistanceCheck.Service(request.Category ?? "", request.On ?? today, request.WindowDays ?? DuplicateAssistanceCheck.DefaultWindowDays, district, null));
    }

    internal static void Flag(CasesDbContext db, Partner partner, string district, string category, IReadOnlyList<AssistanceMatch> matches, bool prevented, DateTimeOffset now, Guid? checkId = null)
    {
        var id = checkId ?? Guid.CreateVersion7();
        db.DuplicateFlags.Add(new DuplicateFlag { Id = id, District = district, Category = category, Matches = matches.Count, Prevented = prevented, CheckedBy = partner.ClientId, CheckedAt = now });
        db.PublishOnCommit(new DuplicateAssistanceFlagged { CheckId = id, District = district, Category = category, Prevented = prevented, Matches = matches, CheckedAt = now }, id);
    }
}
