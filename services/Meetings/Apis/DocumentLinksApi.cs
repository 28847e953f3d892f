using Platform.Security.OpenApi;

namespace Platform.Meetings.Apis;

/// <summary>
/// The document links of the minutes email: <c>/api/v1/document-links/{token}</c>. No partner login (the
/// recipient is a focal point, not a partner system): the signed token names the meeting and the document
/// and expires 90 days after the minutes were published.
/// </summary>
public static class DocumentLinksApi
{
    public static IEndpointRouteBuilder MapDocumentLinksApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/document-links").WithTags("Meetings").AllowAnonymous()
            .MapGet("/{token}", OpenLink).WithName("GetDocumentByLink")
            .WithSummary("A document of the minutes email by its signed link: the bytes as the partner route serves them")
            .ProducesFile(DocumentTypes.All)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        return app;
    }

    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> OpenLink(
        string token, LinkSigner links, MeetingsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        // A forged link and a link to nothing look the same: 404, naming nothing.
        if (links.ReadDocument(token) is not { } claim)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such document link", detail: "This link was not issued by the platform.");
        if (links.IsExpired(claim.ExpiresAt))
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Document link expired",
                detail: $"This link expired on {claim.ExpiresAt.ToIstanbul():yyyy-MM-dd}; a partner of the meeting's district can still read the document through the API.");
        return await DocumentDownloads.ServeAsync(db.MeetingDocuments.Where(d => d.Id == claim.DocumentId && d.MeetingId == claim.MeetingId), http, cancellationToken);
    }
}
