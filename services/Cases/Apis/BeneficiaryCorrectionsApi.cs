namespace Platform.Cases.Apis;

/// <summary>
/// <c>PATCH /api/v1/beneficiaries/{id}</c>: a desk corrects what was registered wrongly or has changed. A JSON
/// merge patch (RFC 7396) under If-Match: a field not sent stays as it is; phone, languages and
/// vulnerabilities sent as null are cleared.
/// </summary>
public static class BeneficiaryCorrectionsApi
{
    public static IEndpointRouteBuilder MapBeneficiaryCorrectionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPatch("/api/v1/beneficiaries/{id}", Correct).WithTags("Beneficiaries").RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("CorrectBeneficiary")
            .WithSummary("Correct a person's name, date of birth, phone, legal status, languages or vulnerabilities (JSON merge patch; If-Match with the ETag of the last read is required)")
            .Accepts<BeneficiaryCorrection>("application/merge-patch+json", "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return app;
    }

    /// <summary>The fields a correction may name; those it leaves out keep their value.</summary>
    public sealed class BeneficiaryCorrection : MergePatch
    {
        public string? FullName { get; init => field = Sent(value); }
        public DateOnly? DateOfBirth { get; init => field = Sent(value); }
        /// <summary>Null removes the phone number.</summary>
        public string? Phone { get; init => field = Sent(value); }
        public string? LegalStatus { get; init => field = Sent(value); }
        /// <summary>ISO 639 codes; null or [] clears them.</summary>
        public List<string?>? Languages { get; init => field = Sent(value); }
        /// <summary>Null or [] clears them.</summary>
        public List<string?>? Vulnerabilities { get; init => field = Sent(value); }
    }

    public static async Task<Results<Ok<BeneficiariesApi.BeneficiaryResponse>, ValidationProblem, ProblemHttpResult>> Correct(
        Guid id, BeneficiaryCorrection request, [AsParameters] BeneficiariesApi.BeneficiaryServices services)
    {
        var (http, user, db, protector, audit, clock, cancellationToken) = services;
        var now = clock.GetUtcNow();
        // The body is checked first: a malformed correction is a 400 whatever its precondition.
        var check = Validate(request, now);
        if (check.Failed) return check.Problem();
        if (!ETags.TryReadIfMatch(http.Request, out var expected)) return ETags.Malformed();
        var partner = Partner.From(user);
        var beneficiary = await db.Beneficiaries.Include(b => b.Consents).Include(b => b.Identifiers).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (beneficiary is null || !partner.MayActIn(beneficiary.District)) return NotVisible.Problem("beneficiary");
        if (beneficiary.IsErased) return PersonsRightsApi.Gone();
        // A correction overwrites what the desk last saw: without the ETag of that read it could undo another desk's correction unseen.
        if (expected is null) return PreconditionRequired();
        if (expected != beneficiary.Version) return ETags.Stale(beneficiary.Version);

        var details = protector.Open(beneficiary);
        var corrected = details;
        var fields = new List<string>();
        if (request.Has(nameof(request.FullName)) && request.FullName!.Trim() != details.FullName) { corrected = corrected with { FullName = request.FullName.Trim() }; fields.Add("fullName"); }
        if (request.Has(nameof(request.DateOfBirth)) && request.DateOfBirth != details.DateOfBirth) { corrected = corrected with { DateOfBirth = request.DateOfBirth!.Value }; fields.Add("dateOfBirth"); }
        if (request.Has(nameof(request.Phone)) && request.Phone?.Trim() != details.Phone) { corrected = corrected with { Phone = request.Phone?.Trim() }; fields.Add("phone"); }
        if (request.Has(nameof(request.LegalStatus)) && request.LegalStatus != beneficiary.LegalStatus) { beneficiary.LegalStatus = request.LegalStatus!; fields.Add("legalStatus"); }
        if (request.Has(nameof(request.Languages)) && Codes(request.Languages) is var languages && !languages.SequenceEqual(beneficiary.Languages)) { beneficiary.Languages = languages; fields.Add("languages"); }
        if (request.Has(nameof(request.Vulnerabilities)) && Codes(request.Vulnerabilities) is var vulnerabilities && !vulnerabilities.SequenceEqual(beneficiary.Vulnerabilities)) { beneficiary.Vulnerabilities = vulnerabilities; fields.Add("vulnerabilities"); }

        // A correction that changes nothing makes no new version, no audit line and no event.
        if (fields.Count > 0)
        {
            // Sealed afresh, and every keyed hash recomputed from the corrected details.
            if (corrected != details) protector.SealInto(beneficiary, corrected, now);
            audit.Record(partner, id, "update", "beneficiary");
            db.PublishOnCommit(new BeneficiaryCorrected { BeneficiaryId = id, ReferenceCode = beneficiary.ReferenceCode, Fields = fields, CorrectedAt = now }, id);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ETags.Stale(await db.Beneficiaries.Where(b => b.Id == id).Select(b => b.Version).SingleAsync(CancellationToken.None));
            }
        }
        // Nothing changed, yet the answer shows the person's details: a read, and audited as one.
        else await audit.ReadAsync(partner, id, "beneficiary", id, cancellationToken);
        http.Response.Headers.ETag = ETags.Of(beneficiary.Version);
        return TypedResults.Ok(BeneficiariesApi.Response(beneficiary, corrected));
    }

    private static Validation Validate(BeneficiaryCorrection request, DateTimeOffset now)
    {
        var check = new Validation();
        if (request.Has(nameof(request.FullName))) check.Required("fullName", request.FullName);
        if (request.Has(nameof(request.DateOfBirth))) BeneficiaryFields.DateOfBirth(check, request.DateOfBirth, now);
        if (request.Has(nameof(request.Phone))) BeneficiaryFields.Phone(check, request.Phone);
        if (request.Has(nameof(request.LegalStatus))) check.OneOf("legalStatus", request.LegalStatus, LegalStatuses.All);
        BeneficiaryFields.Languages(check, request.Languages);
        BeneficiaryFields.Vulnerabilities(check, request.Vulnerabilities);
        return check;
    }

    private static List<string> Codes(List<string?>? codes) => codes?.OfType<string>().Distinct().ToList() ?? [];

    private static ProblemHttpResult PreconditionRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "If-Match required",
        detail: "A correction names the version it corrects: read the person (GET /api/v1/beneficiaries/{id}) and send its ETag as If-Match.");
}
