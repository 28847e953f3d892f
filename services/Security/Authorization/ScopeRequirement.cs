using Microsoft.AspNetCore.Authorization;

namespace Platform.Security.Authorization;

/// <summary>The token must carry <see cref="Scope"/>; named, so that a refusal can say which scope was missing.</summary>
public sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (Partner.ScopesOf(context.User).Contains(requirement.Scope, StringComparer.Ordinal)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
