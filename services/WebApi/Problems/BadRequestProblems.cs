using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Platform.WebApi.Problems;

/// <summary>
/// A request minimal APIs could not bind (unreadable or wrong-typed JSON, a query or route value that is
/// not of its type, a missing body, a media type the route does not read) becomes a problem-details
/// answer with the status the framework chose (400, 413, 415) and, where it can be named, the field.
/// </summary>
public sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted) return false;

        var accepted = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes;
        var (field, message) = Describe(bad, accepted is { Count: > 0 } ? string.Join(" or ", accepted) : "application/json");
        var details = field is null
            ? new ProblemDetails { Detail = message }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }) { Detail = message };
        details.Status = bad.StatusCode;
        details.Title = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "Request body too large",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
            _ => "The request could not be read",
        };
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The field and what is wrong with it, without echoing the value (it may be personal data).</summary>
    private static (string? Field, string Message) Describe(BadHttpRequestException bad, string accepted)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            var reason = json.Message.Contains("Path:", StringComparison.Ordinal) || json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
                ? Generic(json)
                : json.Message;
            return (field ?? "body", field is null ? $"The body is not valid JSON for this request: {reason}" : $"{field}: {reason}");
        }
        if (BindFailure().Match(bad.Message) is { Success: true } binding)
            return (binding.Groups["name"].Value, $"{binding.Groups["name"].Value} must be a {Friendly(binding.Groups["type"].Value)}.");
        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal))
            return ("body", "The request needs a JSON body.");
        if (RequiredMissing().Match(bad.Message) is { Success: true } missing)
            return missing.Groups["source"].Value == "body"
                ? ("body", "The request needs a JSON body.")
                : (missing.Groups["name"].Value, $"{missing.Groups["name"].Value} is required.");
        return (null, bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? $"Send the body as {accepted}." : "The request could not be read.");
    }

    private static string Generic(JsonException json) => json.Path is null or "$"
        ? "the body is malformed or of the wrong JSON type."
        : "the value is malformed, of the wrong type, or out of range.";

    /// <summary><c>$.agenda[0].title</c> becomes <c>agenda[0].title</c>; the root (<c>$</c>) names no field.</summary>
    private static string? FieldOf(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Friendly(string type) => type.TrimEnd('?') switch
    {
        "Guid" => "GUID (e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6)",
        "DateOnly" => "date (yyyy-MM-dd)",
        "DateTimeOffset" or "DateTime" => "date and time with offset (ISO 8601)",
        "Int32" or "int" or "Int64" or "long" => "whole number",
        "Decimal" or "decimal" or "Double" or "double" => "number",
        "Boolean" or "bool" => "boolean (true or false)",
        var other => other,
    };

    // Failed to bind parameter "DateOnly from" from "abc".
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^ "]+) (?<name>[^ "]+)" from""")]
    private static partial Regex BindFailure();

    // Required parameter "MakeRequest request" was not provided from body.
    [GeneratedRegex("""^Required parameter "(?<type>[^ "]+) (?<name>[^ "]+)" was not provided from (?<source>\w+)""")]
    private static partial Regex RequiredMissing();
}
