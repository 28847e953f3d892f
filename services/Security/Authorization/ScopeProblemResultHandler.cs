using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Security.Authorization;

/// <summary>
/// A token without the scope a route needs gets a 403 problem that names the scope, instead of a bare
/// "Forbidden", so the partner's developer knows what to ask the operators for.
/// </summary>
public sealed class ScopeProblemResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var missing = authorizeResult.Forbidden
            ? authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToList()
            : null;
        if (missing is not { Count: > 0 })
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Scope required",
                Detail = $"This request needs the scope {string.Join(", ", missing)}, which the access token does not carry.",
                Type = "https://coordination-platform.example/problems/scope-required",
            },
        });
    }
}
