namespace Platform.Cases.Apis;

/// <summary><c>GET /api/v1/audit?beneficiaryId=</c>: who read or changed a person's data, when, what, for which partner.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", List).WithTags("Audit").RequireAuthorization(PartnerScopes.CasesRead)
            .WithName("ListAudit").WithSummary("The audit log of one person's data, newest first; 404 outside your districts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<Page<AuditResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid? beneficiaryId, int? page, int? pageSize, ClaimsPrincipal user, CasesDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var paging = PageRequest.From(page, pageSize, check.Errors);
        if (beneficiaryId is null) check.Add("beneficiaryId", "beneficiaryId is required.");
        if (check.Failed) return check.Problem();
        var partner = Partner.From(user);
        var district = await db.Beneficiaries.Where(b => b.Id == beneficiaryId).Select(b => b.District).SingleOrDefaultAsync(cancellationToken);
        if (district is null || !partner.MayActIn(district)) return NotVisible.Problem("beneficiary");
        return TypedResults.Ok(await audit.PageAsync(beneficiaryId!.Value, paging, cancellationToken));
    }
}
