using Microsoft.Extensions.Options;

namespace Platform.Cases.Apis;

/// <summary>
/// Retention: the people of your districts with no activity for <c>Cases:Retention:InactiveAfter</c> (five
/// years), whom the daily <see cref="RetentionJob"/> erases unless a desk renews the record; and the job's runs.
/// Nothing here is unsealed: codes, districts and dates only.
/// </summary>
public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/retention").WithTags("Retention");
        api.MapGet("/due", Due).RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("ListRetentionDue").WithSummary("People of your districts due for erasure for lack of activity, longest inactive first (no names)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/{beneficiaryId}/renewal", Renew).RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("RenewRetention").WithSummary("Keep a person's record: counts as activity, so the retention clock starts again (audited); 404 outside your districts, 410 once erased")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        api.MapGet("/runs", Runs).RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("ListRetentionRuns").WithSummary("The retention job's runs, newest first: when, and how many people each erased")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public sealed record RetentionServices(ClaimsPrincipal User, CasesDbContext Db, AuditTrail Audit, TimeProvider Clock, IOptions<RetentionOptions> Options, CancellationToken CancellationToken);

    public sealed record DueResponse(Guid BeneficiaryId, string ReferenceCode, string District, DateTimeOffset LastActivity, DateTimeOffset DueSince);

    public sealed record RenewalResponse(Guid BeneficiaryId, string ReferenceCode, DateTimeOffset LastActivity, DateTimeOffset DueOn);

    public sealed record RunResponse(long Id, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, DateTimeOffset InactiveSince, int Erased, int Skipped);

    public static async Task<Results<Ok<Page<DueResponse>>, ValidationProblem>> Due(int? page, int? pageSize, [AsParameters] RetentionServices services)
    {
        var (user, db, _, clock, options, cancellationToken) = services;
        var check = new Validation();
        var paging = PageRequest.From(page, pageSize, check.Errors);
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        var inactiveAfter = options.Value.InactiveAfter;
        var districts = partner.Districts.ToList();
        var due = LastActivity.Due(db, clock.GetUtcNow() - inactiveAfter).Where(p => partner.ActsInAllDistricts || districts.Contains(p.District));
        var total = await due.CountAsync(cancellationToken);
        var items = await due.OrderBy(p => p.LastActivity).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<DueResponse>(
            items.Select(p => new DueResponse(p.Id, p.ReferenceCode, p.District, p.LastActivity, p.LastActivity + inactiveAfter)).ToList(), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<RenewalResponse>, ProblemHttpResult>> Renew(Guid beneficiaryId, [AsParameters] RetentionServices services)
    {
        var (user, db, audit, clock, options, cancellationToken) = services;
        var partner = Partner.From(user);
        var beneficiary = await db.Beneficiaries.AsNoTracking().Where(b => b.Id == beneficiaryId)
            .Select(b => new { b.ReferenceCode, b.District, b.ErasedAt }).SingleOrDefaultAsync(cancellationToken);
        if (beneficiary is null || !partner.MayActIn(beneficiary.District)) return NotVisible.Problem("beneficiary");
        if (beneficiary.ErasedAt is not null) return PersonsRightsApi.Gone();
        // The audit entry is the renewal: the latest change on her record is what the clock counts from.
        audit.Record(partner, beneficiaryId, "renew", "retention");
        await db.SaveChangesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new RenewalResponse(beneficiaryId, beneficiary.ReferenceCode, now, now + options.Value.InactiveAfter));
    }

    public static async Task<Results<Ok<Page<RunResponse>>, ValidationProblem>> Runs(int? page, int? pageSize, CasesDbContext db, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var paging = PageRequest.From(page, pageSize, check.Errors);
        if (check.Failed) return check.Problem();
        var total = await db.RetentionRuns.CountAsync(cancellationToken);
        var items = await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(r => new RunResponse(r.Id, r.StartedAt, r.FinishedAt, r.InactiveSince, r.Erased, r.Skipped)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<RunResponse>(items, paging.Page, paging.PageSize, total));
    }
}
