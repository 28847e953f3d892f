using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Platform.Cases.DuplicateChecks;

namespace Platform.Cases.Apis;

/// <summary>
/// <c>POST /api/v1/duplicate-checks/batch</c>: up to 1,000 duplicate checks at once (a distribution list
/// checked before the aid goes out), each answered as the single check answers it, in a handful of queries.
/// </summary>
public static class DuplicateCheckBatchApi
{
    public static IEndpointRouteBuilder MapDuplicateCheckBatchApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/duplicate-checks/batch", CheckBatch).WithTags("Duplicate checks").RequireAuthorization(PartnerScopes.CasesWrite)
            .WithName("CheckDuplicateAssistanceBatch")
            .WithSummary($"Up to {BatchEntries.Limit} duplicate checks at once: a JSON array of the single check's requests, or text/csv with a header row of the same fields "
                + "(documentKind, documentNumber for the document); each entry answered as the single check answers it, never naming the person")
            .Accepts<List<ServicesApi.CheckRequest>>("application/json", "text/csv")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody is OpenApiRequestBody body)
                {
                    body.Content ??= new Dictionary<string, OpenApiMediaType>();
                    body.Content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = $"A header row naming some of: {string.Join(", ", BatchEntries.CsvColumns)}; then one row per check." } };
                }
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public sealed record EntryResult(int Index, Guid CheckId, bool Duplicate, IReadOnlyList<AssistanceMatch> Matches);
    public sealed record BatchResult(int Checked, int Duplicates, IReadOnlyList<EntryResult> Entries);

    public static async Task<Results<Ok<BatchResult>, ValidationProblem, ProblemHttpResult>> CheckBatch(
        HttpRequest http, IOptions<JsonOptions> json, [AsParameters] ServicesApi.DeliveryServices services)
    {
        var (user, db, _, duplicates, _, clock, cancellationToken) = services;
        var read = await BatchEntries.ReadAsync(http, json, cancellationToken);
        if (read.Problem is not null) return TypedResults.Problem(statusCode: 400, title: "Unreadable batch", detail: read.Problem);
        var entries = read.Entries!;
        if (entries.Count == 0) return TypedResults.Problem(statusCode: 400, title: "Empty batch", detail: $"A batch holds 1 to {BatchEntries.Limit} checks.");
        if (entries.Count > BatchEntries.Limit)
            return TypedResults.Problem(statusCode: 422, title: "Too many checks", detail: $"A batch holds at most {BatchEntries.Limit} checks: split the list and send the rest in another batch.");

        var partner = Partner.From(user);
        var today = IstanbulTime.Today(clock);
        var check = new Validation();
        var checks = new List<DuplicateAssistanceCheck.Check>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { } entry) { check.Add($"[{i}]", "An entry is a check, not null."); continue; }
            checks.Add(ServicesApi.ReadCheck(check, entry, partner, today, $"[{i}]."));
        }
        if (check.Failed) return check.Problem();
        if (entries.Select(e => e!.District).OfType<string>().Distinct().FirstOrDefault(d => !partner.MayActIn(d)) is { } refused)
            return DistrictProblems.NotGranted(partner, refused);

        var found = await duplicates.FindManyAsync(checks, partner, cancellationToken);
        var now = clock.GetUtcNow();
        var results = new List<EntryResult>(checks.Count);
        for (var i = 0; i < checks.Count; i++)
        {
            var checkId = Guid.CreateVersion7();
            if (found[i].Count > 0) ServicesApi.Flag(db, partner, checks[i].Service.District, checks[i].Service.Category, found[i], prevented: false, now, checkId);
            results.Add(new EntryResult(i, checkId, found[i].Count > 0, found[i]));
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new BatchResult(results.Count, results.Count(r => r.Duplicate), results));
    }
}
