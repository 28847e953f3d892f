using Microsoft.AspNetCore.Http.Features;

namespace Platform.Gateway.Proxy;

/// <summary>
/// Bodies over <c>Gateway:MaxRequestBodyBytes</c> (1 MiB by default) are refused with 413 before any
/// work; a chunked body that grows past it is stopped by Kestrel's limit, which is the one limit: it is
/// read back from the request instead of from configuration on every request.
/// </summary>
public static class RequestBodyLimit
{
    public const long DefaultBytes = 1024 * 1024;

    public static long Of(IConfiguration configuration) => configuration.GetValue("Gateway:MaxRequestBodyBytes", DefaultBytes);

    public static string Describe(HttpContext context) => $"The request body may have at most {LimitOf(context)} bytes.";

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > LimitOf(context))
        {
            // The client may still be sending; close the connection rather than read what we refuse.
            context.Response.Headers.Connection = "close";
            await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", Describe(context));
            return;
        }
        await next(context);
    });

    /// <summary>Kestrel's limit for this request (set from <see cref="Of"/> at start-up).</summary>
    private static long? LimitOf(HttpContext context) => context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
}
