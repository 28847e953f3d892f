using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Security.Authorization;

/// <summary>One authorization policy per scope, named after it: <c>RequireAuthorization(PartnerScopes.CasesRead)</c>.</summary>
public static class PartnerPolicies
{
    public static AuthorizationOptions AddScopePolicies(this AuthorizationOptions options, params string[] authenticationSchemes)
    {
        foreach (var scope in PartnerScopes.All)
        {
            options.AddPolicy(scope, policy =>
            {
                if (authenticationSchemes.Length > 0) policy.AddAuthenticationSchemes(authenticationSchemes);
                policy.RequireAuthenticatedUser();
                policy.AddRequirements(new ScopeRequirement(scope));
            });
        }
        return options;
    }

    /// <summary>Refusals for a missing scope name the scope (see <see cref="ScopeProblemResultHandler"/>).</summary>
    public static IServiceCollection AddScopeProblems(this IServiceCollection services) =>
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeProblemResultHandler>();
}
