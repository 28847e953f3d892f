using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.AppHost.Hosting;

namespace Platform.AppHost.Dashboard;

/// <summary>
/// The dashboard token guards the UI and the API: scripts send <c>Authorization: Bearer</c>, browsers
/// open the login link the AppHost prints (<c>/login?t=...</c>) or paste the token into the login form,
/// and carry an HttpOnly cookie afterwards. A browser without it is sent to the form; a script gets 401.
/// </summary>
internal sealed class DashboardLogin(RequestDelegate next, DistributedApplication application)
{
    public const string CookieName = "platform-dashboard";

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/login")) { await next(http); return; }
        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : http.Request.Cookies[CookieName];
        if (IsToken(application, presented)) { await next(http); return; }
        if (HttpMethods.IsGet(http.Request.Method) && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            http.Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            return;
        }
        http.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "The dashboard token is missing or wrong.",
            detail: "Send 'Authorization: Bearer <token>' (the AppHost prints it at start, or set PLATFORM_DASHBOARD_TOKEN), or open the login link.").ExecuteAsync(http);
    }

    public static bool IsToken(DistributedApplication application, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(application.DashboardToken));
}

internal static class DashboardLoginEndpoints
{
    public static RouteGroupBuilder MapDashboardLogin(this IEndpointRouteBuilder endpoints)
    {
        var login = endpoints.MapGroup("");
        login.MapGet("/login", (string? t, string? returnUrl, HttpContext http, DistributedApplication application) =>
        {
            if (t is null) return Results.Content(LoginForm(returnUrl, failed: false), "text/html; charset=utf-8");
            if (!DashboardLogin.IsToken(application, t))
                return Results.Content(LoginForm(returnUrl, failed: true), "text/html; charset=utf-8", statusCode: 401);
            http.Response.Cookies.Append(DashboardLogin.CookieName, t, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            // Only a local path: the login link must not become an open redirect.
            return Results.Redirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        });
        login.MapGet("/logout", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(DashboardLogin.CookieName);
            return Results.Redirect("/login");
        });
        return login;
    }

    private static string LoginForm(string? returnUrl, bool failed) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Log in · Coordination Platform operations</title>
        <style>body{font-family:"Segoe UI",system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0;background:#f5f5f5}
        form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 2px 8px #0002;display:grid;gap:.75rem;min-width:22rem}
        input,button{font:inherit;padding:.5rem}button{background:#0f6cbd;color:#fff;border:0;border-radius:4px}.error{color:#c50f1f}</style></head>
        <body><form method="get" action="/login">
        <h1 style="margin:0;font-size:1.25rem">Coordination Platform operations</h1>
        <label for="t">Dashboard token (printed by the AppHost at start)</label>
        <input id="t" name="t" type="password" autocomplete="off" autofocus required>
        <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? "/")}}">
        {{(failed ? "<p class=\"error\" role=\"alert\">That token is not valid.</p>" : "")}}
        <button type="submit">Log in</button></form></body></html>
        """;
}
