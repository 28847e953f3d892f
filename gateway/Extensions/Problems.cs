using Microsoft.AspNetCore.Mvc;

namespace Platform.Gateway.Extensions;

/// <summary>Errors the gateway itself produces, as RFC 9457 problem details.</summary>
public static class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
