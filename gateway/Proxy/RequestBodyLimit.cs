using Microsoft.AspNetCore.Http.Features;
using Platform.Gateway.Extensions;

namespace Platform.Gateway.Proxy;

/// <summary>
/// Bodies over <c>Gateway:MaxRequestBodyBytes</c> (1 MiB by default) are refused with 413 before any
/// work; a chunked body that grows past it is stopped by Kestrel's limit of the same size.
/// </summary>
public static class RequestBodyLimit
{
    public const long DefaultBytes = 1024 * 1024;

    public static long Of(IConfiguration configuration) => configuration.GetValue("Gateway:MaxRequestBodyBytes", DefaultBytes);

    public static string Describe(HttpContext context) =>
        $"The request body may have at most {Of(context.RequestServices.GetRequiredService<IConfiguration>())} bytes.";

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = Of(context.RequestServices.GetRequiredService<IConfiguration>());
        if (context.Request.ContentLength > limit)
        {
            // The client may still be sending; close the connection rather than read what we refuse.
            context.Response.Headers.Connection = "close";
            await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", Describe(context));
            return;
        }
        await next(context);
    });
}
