using Platform.Cases.Rights;

namespace Platform.Cases.Apis;

/// <summary>The person's rights: a copy of everything held about her (access), and erasure.</summary>
public static class PersonsRightsApi
{
    public static IEndpointRouteBuilder MapPersonsRightsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/beneficiaries").WithTags("Beneficiaries");
        api.MapGet("/{id}/export", Export).RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("ExportBeneficiary").WithSummary("Everything held about a person and who read or changed it, as JSON (audited); 404 outside your districts, 410 once erased")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        api.MapPost("/{id}/erasure", Erase).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("EraseBeneficiary").WithSummary("Destroy a person's personal data for good; anonymous statistics stay. 410 when already erased")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        return app;
    }

    public sealed record ErasureRequest(string? Reason);

    public sealed record HouseholdMembership(Guid HouseholdId, string ReferenceCode, string District, string Relationship, DateTimeOffset AddedAt);

    public sealed record TransferExport(Guid Id, string ReferenceCode, Guid CaseId, string FromDistrict, string ToDistrict, string Reason, string Status,
        DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt, string? DeclineReason);

    public sealed record CaseExport(CasesApi.CaseSummary Case, IReadOnlyList<CasesApi.NoteResponse> Notes);

    public sealed record PersonalDataExport(
        BeneficiariesApi.BeneficiaryResponse Details, IReadOnlyList<CaseExport> Cases, IReadOnlyList<CasesApi.ServiceResponse> Services,
        IReadOnlyList<ReferralsApi.ReferralResponse> Referrals, IReadOnlyList<HouseholdMembership> Households, IReadOnlyList<TransferExport> Transfers,
        IReadOnlyList<AuditResponse> Audit, DateTimeOffset ExportedAt);

    public static ProblemHttpResult Gone() =>
        TypedResults.Problem(statusCode: 410, title: "Erased", detail: "This person's data was erased: nothing personal is held any more.");

    public static async Task<Results<Ok<PersonalDataExport>, ProblemHttpResult>> Export(Guid id, [AsParameters] BeneficiariesApi.BeneficiaryServices services)
    {
        var (_, user, db, protector, audit, clock, cancellationToken) = services;
        var partner = Partner.From(user);
        var beneficiary = await db.Beneficiaries.AsNoTracking().Include(b => b.Consents).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (beneficiary is null || !partner.MayActIn(beneficiary.District)) return NotVisible.Problem("beneficiary");
        if (beneficiary.IsErased) return Gone();
        // Audited before it is read, so the export lists itself among the reads.
        await audit.ReadAsync(partner, id, "export", id, cancellationToken);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cases = await db.Cases.AsNoTracking().Where(c => c.BeneficiaryId == id).OrderBy(c => c.OpenedAt).ToListAsync(cancellationToken);
        var caseIds = cases.Select(c => c.Id).ToList();
        var notes = await db.CaseNotes.AsNoTracking().Where(n => caseIds.Contains(n.CaseId)).Where(CaseNote.ShownTo(partner)).OrderBy(n => n.WrittenAt).ToListAsync(cancellationToken);
        var delivered = await db.Services.AsNoTracking().Where(s => s.BeneficiaryId == id).OrderBy(s => s.DeliveredOn).ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.BeneficiaryId == id).OrderBy(r => r.MadeAt).ToListAsync(cancellationToken);
        var households = await db.HouseholdMembers.AsNoTracking().Where(m => m.BeneficiaryId == id)
            .Join(db.Households, m => m.HouseholdId, h => h.Id, (m, h) => new HouseholdMembership(h.Id, h.ReferenceCode, h.District, m.Relationship, m.AddedAt)).ToListAsync(cancellationToken);
        var transfers = await db.Transfers.AsNoTracking().Where(t => t.BeneficiaryId == id).OrderBy(t => t.RequestedAt).ToListAsync(cancellationToken);
        var trail = await audit.Of(id).OrderBy(a => a.Id).Select(a => new AuditResponse(a.At, a.Partner, a.Institution, a.Action, a.What, a.RecordId)).ToListAsync(cancellationToken);

        return TypedResults.Ok(new PersonalDataExport(
            BeneficiariesApi.Response(beneficiary, protector.Open(beneficiary)),
            cases.Select(c => new CaseExport(CasesApi.CaseSummary.From(c), notes.Where(n => n.CaseId == c.Id).Select(n => CasesApi.NoteResponse.From(n, protector)).ToList())).ToList(),
            delivered.Select(s => CasesApi.ServiceResponse.From(s, s.SealedNotes is null ? null : protector.OpenText(s.SealedNotes, $"service/{s.Id}"))).ToList(),
            referrals.Select(r => ReferralsApi.ReferralResponse.From(r, protector, today)).ToList(),
            households,
            transfers.Select(t => new TransferExport(t.Id, t.ReferenceCode, t.CaseId, t.FromDistrict, t.ToDistrict, protector.OpenText(t.SealedReason, CaseTransfer.ReasonContext(t.Id)),
                t.Status, t.RequestedAt, t.AnsweredAt, t.SealedDeclineReason is null ? null : protector.OpenText(t.SealedDeclineReason, CaseTransfer.DeclineContext(t.Id)))).ToList(),
            trail, clock.GetUtcNow()));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Erase(Guid id, ErasureRequest request, ClaimsPrincipal user, CasesDbContext db, PersonErasure erasure, CancellationToken cancellationToken)
    {
        // The body is checked first, as for a correction: a malformed request is a 400 whoever it names.
        var check = new Validation();
        check.Required("reason", request.Reason, 500);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        var beneficiary = await db.Beneficiaries.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (beneficiary is null || !partner.MayActIn(beneficiary.District)) return NotVisible.Problem("beneficiary");
        if (beneficiary.IsErased) return Gone();
        // The reason itself is not kept: it may name the person. The audit entry records the erasure and who asked.
        await erasure.EraseAsync(beneficiary, partner.ClientId, partner.Institution, cancellationToken);
        return TypedResults.NoContent();
    }
}
