using Microsoft.Net.Http.Headers;

namespace Platform.Meetings.Documents;

/// <summary>
/// Serves a document's bytes, the same for a partner and for a signed link: its sniffed Content-Type, the
/// SHA-256 as ETag (If-None-Match answers 304 without reading the bytes), Content-Length, and an attachment
/// Content-Disposition whose <c>filename*</c> (RFC 5987) keeps a Turkish or Arabic name.
/// </summary>
public static class DocumentDownloads
{
    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> ServeAsync(
        IQueryable<MeetingDocument> matching, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await matching.Select(d => new { d.Id, d.Sha256 }).SingleOrDefaultAsync(cancellationToken);
        if (found is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such document", detail: "This meeting has no document with this id.");
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(found.Sha256)}\"");
        Secure(http.Response);
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            http.Response.Headers.ETag = etag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var document = await matching.AsNoTracking().SingleAsync(cancellationToken);
        return TypedResults.File(document.Content, document.ContentType, document.FileName, lastModified: document.UploadedAt, entityTag: etag);
    }

    /// <summary>
    /// Uploaded files are someone else's content: the browser must not guess another type, run it as a page,
    /// or keep it in a shared cache (a link's token is its credential); it revalidates with the ETag.
    /// </summary>
    private static void Secure(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "private, no-cache";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
