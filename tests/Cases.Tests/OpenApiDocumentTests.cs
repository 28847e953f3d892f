using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>
/// What partner systems generate clients from: the problems the cases routes answer, by name. (That every
/// operation of every document declares a success schema is Gateway.Tests' ApiDocumentationTests.)
/// </summary>
[Collection(CasesCollection.Name)]
public sealed class OpenApiDocumentTests(CasesService cases)
{
    private static readonly string[] Methods = ["get", "put", "post", "patch", "delete"];

    private async Task<List<(string Name, JsonElement Responses)>> OperationsAsync()
    {
        using var anonymous = cases.Anonymous();
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => Methods.Contains(op.Name))
                .Select(op => ($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value.GetProperty("responses"))))
            .ToList();
    }

    private static bool HasSchema(JsonElement response, string contentType) =>
        response.TryGetProperty("content", out var content) && content.TryGetProperty(contentType, out var media) && media.TryGetProperty("schema", out _);

    [Fact]
    public async Task The_who_does_what_where_report_is_documented_as_json_csv_and_xlsx()
    {
        var ok = (await OperationsAsync()).Single(o => o.Name == "GET /api/v1/reports/who-does-what-where").Responses.GetProperty("200");
        foreach (var contentType in new[] { "application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
            Assert.True(HasSchema(ok, contentType), $"the report's 200 does not declare {contentType}");
    }

    [Fact]
    public async Task Every_operation_declares_its_problem_answers_as_problem_details()
    {
        var operations = (await OperationsAsync()).ToDictionary(o => o.Name, o => o.Responses);
        foreach (var (name, responses) in operations)
            Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('4') && HasSchema(r.Value, "application/problem+json")), $"{name} declares no problem response");
        // The statuses the handlers answer with a ProblemHttpResult are named, each with the problem schema.
        foreach (var (name, status) in new[]
                 {
                     ("GET /api/v1/cases/{id}", "404"), ("PATCH /api/v1/cases/{id}", "409"), ("POST /api/v1/cases", "422"), ("POST /api/v1/beneficiaries", "409"),
                     ("POST /api/v1/cases/{id}/services", "409"), ("POST /api/v1/cases/{id}/referrals", "422"), ("POST /api/v1/referrals/{id}/accept", "409"),
                     ("GET /api/v1/reports/services", "403"), ("POST /api/v1/cases/{id}/notes", "400"),
                     ("GET /api/v1/reports/who-does-what-where", "403"), ("GET /api/v1/reports/district-briefing", "403"),
                     ("POST /api/v1/cases/{id}/transfer", "409"), ("POST /api/v1/cases/{id}/transfer", "422"), ("GET /api/v1/transfers/{id}", "404"),
                     ("POST /api/v1/transfers/{id}/accept", "403"), ("POST /api/v1/transfers/{id}/decline", "409"),
                 })
            Assert.True(operations[name].TryGetProperty(status, out var response) && HasSchema(response, "application/problem+json"), $"{name} does not declare {status}");
    }
}
