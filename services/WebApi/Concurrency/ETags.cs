using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.WebApi.Concurrency;

/// <summary>
/// Optimistic concurrency for partners: every read of a resource carries its version as an ETag, and a
/// change sent with <c>If-Match</c> is refused with 412 when someone else changed it in between.
/// </summary>
public static class ETags
{
    public static string Of(uint version) => $"\"{version}\"";

    /// <summary>The version named by <c>If-Match</c>, null when the header is absent (the change then applies unconditionally).</summary>
    public static bool TryReadIfMatch(HttpRequest request, out uint? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header == "*") return true;
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"' && uint.TryParse(value[1..^1], out var parsed))
        {
            version = parsed;
            return true;
        }
        return false;
    }

    public static ProblemHttpResult Stale(uint current) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "The resource changed",
        detail: $"It was changed since you read it (current ETag {Of(current)}): read it again and reapply your change.");

    public static ProblemHttpResult Malformed() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Malformed If-Match",
        detail: "If-Match must be an ETag as returned by a read, e.g. \"12345\".");
}
