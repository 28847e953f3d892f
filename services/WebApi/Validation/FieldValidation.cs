using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts;

namespace Platform.WebApi.Validation;

/// <summary>Field errors collected the same way by every endpoint (RFC 9457 validation problems).</summary>
public sealed class Validation
{
    public Dictionary<string, string[]> Errors { get; } = [];
    public bool Failed => Errors.Count > 0;

    public void Add(string field, string message) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public void Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{field} is required.");
        else if (value.Length > maxLength) Add(field, $"{field} is longer than {maxLength} characters.");
    }

    public void OneOf(string field, string? value, IReadOnlyList<string> allowed, bool required = true)
    {
        if (value is null) { if (required) Add(field, $"{field} is required: one of {string.Join(", ", allowed)}."); return; }
        if (!allowed.Contains(value)) Add(field, $"'{value}' is not one of {string.Join(", ", allowed)}.");
    }

    public void District(string field, string? value)
    {
        if (value is null) Add(field, $"{field} is required: an Istanbul district code.");
        else if (!Districts.Codes.Contains(value)) Add(field, $"'{value}' is not an Istanbul district code.");
    }

    /// <summary>A report's period: <paramref name="to"/> not before <paramref name="from"/>, three years at most (what one query may scan).</summary>
    public void Period(DateOnly from, DateOnly to)
    {
        if (to < from) Add("to", "to is before from.");
        else if (to.DayNumber - from.DayNumber > 3 * 366) Add("to", "A report covers at most three years.");
    }

    public ValidationProblem Problem() => TypedResults.ValidationProblem(Errors);
}

/// <summary>Answers that must not tell whether a record exists in a district the partner does not serve.</summary>
public static class NotVisible
{
    public static ProblemHttpResult Problem(string what) =>
        TypedResults.Problem(statusCode: 404, title: $"No such {what}", detail: $"There is no {what} with this id in the districts you serve.");
}
