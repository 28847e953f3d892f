using Microsoft.AspNetCore.Mvc;
using Platform.Security.OpenApi;

namespace Platform.Meetings.Apis;

/// <summary>
/// Documents of a meeting (PDF, DOCX, XLSX, PNG, JPEG up to 10 MiB): upload as multipart/form-data, list,
/// download. Seen and added by exactly the partners who see and change the meeting.
/// </summary>
public static class MeetingDocumentsApi
{
    public sealed record DocumentResponse(Guid Id, Guid MeetingId, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

    /// <summary>What every documents endpoint needs.</summary>
    public sealed record Documents(HttpContext Http, ClaimsPrincipal User, MeetingsDbContext Db, TimeProvider Clock, CancellationToken CancellationToken);

    public static IEndpointRouteBuilder MapMeetingDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/meetings/{id}/documents").WithTags("Meetings");
        api.MapPost("/", AddDocument).RequireAuthorization(PartnerScopes.MeetingsWrite)
            .WithName("AddMeetingDocument")
            .WithSummary("Add a document (multipart/form-data, field 'file': PDF, DOCX, XLSX, PNG or JPEG, at most 10 MiB; the type is read from the bytes)")
            .AcceptsFile(DocumentUpload.FieldName, "The document: PDF, DOCX, XLSX, PNG or JPEG, at most 10 MiB; its part's Content-Type, if specific, must agree with its bytes")
            // Raised from the server's default for this route alone; the file itself is checked against 10 MiB.
            .WithMetadata(new RequestSizeLimitAttribute(DocumentUpload.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: DocumentUpload.MaxRequestBytes)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", ListDocuments).RequireAuthorization(PartnerScopes.MeetingsRead)
            .WithName("ListMeetingDocuments").WithSummary("The meeting's documents, oldest first, without their bytes; paged")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{documentId}", GetDocument).RequireAuthorization(PartnerScopes.MeetingsRead)
            .WithName("GetMeetingDocument").WithSummary("The document's bytes, with its type, its SHA-256 as ETag (If-None-Match: 304) and its name as an attachment")
            .ProducesFile(DocumentTypes.All)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<DocumentResponse>, ValidationProblem, ProblemHttpResult>> AddDocument(Guid id, [AsParameters] Documents documents)
    {
        var (http, db, cancellationToken) = (documents.Http, documents.Db, documents.CancellationToken);
        var check = await DocumentUpload.CheckAsync(http.Request, cancellationToken);
        if (check.InvalidFields is not null) return TypedResults.ValidationProblem(check.InvalidFields);
        if (check.Refusal is not null) return check.Refusal;
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null) return MeetingHttp.NotFound("meeting");
        var partner = Partner.From(documents.User);
        if (!partner.MayChange(meeting)) return DistrictProblems.NotGranted(partner, meeting.District);
        if (meeting.IsCancelled) return MeetingHttp.Cancelled(meeting);

        var accepted = check.File!;
        var document = new MeetingDocument
        {
            Id = Guid.CreateVersion7(),
            MeetingId = meeting.Id,
            FileName = accepted.FileName,
            ContentType = accepted.ContentType,
            SizeBytes = accepted.Content.Length,
            Sha256 = accepted.Sha256,
            Content = accepted.Content,
            UploadedAt = documents.Clock.GetUtcNow(),
            UploadedBy = partner.ClientId,
        };
        db.MeetingDocuments.Add(document);
        db.PublishOnCommit(new MeetingDocumentAdded
        {
            MeetingId = meeting.Id, DocumentId = document.Id, District = meeting.District, FileName = document.FileName,
            ContentType = document.ContentType, SizeBytes = document.SizeBytes, Sha256 = Convert.ToHexStringLower(document.Sha256), AddedAt = document.UploadedAt,
        }, meeting.Id);
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.ETag = document.ETag;
        return TypedResults.Created($"/api/v1/meetings/{meeting.Id}/documents/{document.Id}", Describe(document));
    }

    public static async Task<Results<Ok<Page<DocumentResponse>>, ValidationProblem, ProblemHttpResult>> ListDocuments(Guid id, int? page, int? pageSize, [AsParameters] Documents documents)
    {
        var (db, cancellationToken) = (documents.Db, documents.CancellationToken);
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await ReadableMeetingAsync(id, documents) is { } refusal) return refusal;

        var query = db.MeetingDocuments.AsNoTracking().Where(d => d.MeetingId == id);
        var total = await query.CountAsync(cancellationToken);
        // A projection, so the bytes never leave the database for a list (the hex of the hash is made in memory).
        var items = await query.OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(d => new DocumentResponse(d.Id, d.MeetingId, d.FileName, d.ContentType, d.SizeBytes, Convert.ToHexStringLower(d.Sha256), d.UploadedAt, d.UploadedBy))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<DocumentResponse>(items, paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetDocument(Guid id, Guid documentId, [AsParameters] Documents documents)
    {
        if (await ReadableMeetingAsync(id, documents) is { } refusal) return refusal;
        return await DocumentDownloads.ServeAsync(documents.Db.MeetingDocuments.Where(d => d.Id == documentId && d.MeetingId == id), documents.Http, documents.CancellationToken);
    }

    /// <summary>Null when the meeting exists and the partner may read it; otherwise the refusal (404, 403).</summary>
    private static async Task<ProblemHttpResult?> ReadableMeetingAsync(Guid id, Documents documents)
    {
        var meeting = await documents.Db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, documents.CancellationToken);
        if (meeting is null) return MeetingHttp.NotFound("meeting");
        var partner = Partner.From(documents.User);
        return partner.MayRead(meeting) ? null : DistrictProblems.NotGranted(partner, meeting.District);
    }

    private static DocumentResponse Describe(MeetingDocument d) =>
        new(d.Id, d.MeetingId, d.FileName, d.ContentType, d.SizeBytes, Convert.ToHexStringLower(d.Sha256), d.UploadedAt, d.UploadedBy);
}
