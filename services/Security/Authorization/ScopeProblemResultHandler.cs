using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

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
        await ProblemResponses.WriteAsync(context, StatusCodes.Status403Forbidden, "Scope required",
            $"This request needs the scope {string.Join(", ", missing)}, which the access token does not carry.",
            "https://coordination-platform.example/problems/scope-required");
    }
}
