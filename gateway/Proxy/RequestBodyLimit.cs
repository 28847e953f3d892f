using Microsoft.AspNetCore.Http.Features;

namespace Platform.Gateway.Proxy;

/// <summary>
/// Bodies over <c>Gateway:MaxRequestBodyBytes</c> (1 MiB by default) are refused with 413 before any
/// work; a chunked body that grows past it is stopped by Kestrel's limit, which is the one limit: it is
/// read back from the request instead of from configuration on every request. The one route that carries
/// files, a meeting's document upload, gets <c>Gateway:MaxDocumentBodyBytes</c> (10 MiB and room for the
/// multipart framing) by raising Kestrel's limit for that request before anything reads its body.
/// </summary>
public static class RequestBodyLimit
{
    public const long DefaultBytes = 1024 * 1024;
    public const long DefaultDocumentBytes = 10 * 1024 * 1024 + 64 * 1024;

    public static long Of(IConfiguration configuration) => configuration.GetValue("Gateway:MaxRequestBodyBytes", DefaultBytes);

    public static long DocumentsOf(IConfiguration configuration) => configuration.GetValue("Gateway:MaxDocumentBodyBytes", DefaultDocumentBytes);

    public static string Describe(HttpContext context) => $"The request body may have at most {LimitOf(context)} bytes.";

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var documentLimit = DocumentsOf(app.ApplicationServices.GetRequiredService<IConfiguration>());
        return app.Use(async (context, next) =>
        {
            if (IsDocumentUpload(context.Request) && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = documentLimit;
            if (context.Request.ContentLength > LimitOf(context))
            {
                // The client may still be sending; close the connection rather than read what we refuse.
                context.Response.Headers.Connection = "close";
                await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", Describe(context));
                return;
            }
            await next(context);
        });
    }

    /// <summary><c>POST /api/v1/meetings/{guid}/documents</c>, as the meetings service routes it (case-insensitive, trailing slash allowed).</summary>
    public static bool IsDocumentUpload(HttpRequest request)
    {
        const string Prefix = "/api/v1/meetings/", Suffix = "/documents";
        if (!HttpMethods.IsPost(request.Method)) return false;
        var path = request.Path.Value.AsSpan().TrimEnd('/');
        if (!path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)) return false;
        var id = path[Prefix.Length..^Suffix.Length];
        return Guid.TryParse(id, out _);
    }

    /// <summary>Kestrel's limit for this request (set from <see cref="Of"/> at start-up, raised for document uploads).</summary>
    private static long? LimitOf(HttpContext context) => context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
}
