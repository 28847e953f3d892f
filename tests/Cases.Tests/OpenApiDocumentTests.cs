using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>What partner systems generate clients from: every operation says what it answers, with schemas.</summary>
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
    public async Task Every_operation_declares_its_success_response_with_a_schema_or_as_bodiless()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count >= 17, $"only {operations.Count} operations in the document");
        foreach (var (name, responses) in operations)
        {
            var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            Assert.True(success.Count > 0, $"{name} declares no success response");
            foreach (var response in success)
                Assert.True(response.Name is "202" or "204" ? !response.Value.TryGetProperty("content", out _) : HasSchema(response.Value, "application/json"),
                    $"{name} {response.Name}: {response.Value}");
        }
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
                 })
            Assert.True(operations[name].TryGetProperty(status, out var response) && HasSchema(response, "application/problem+json"), $"{name} does not declare {status}");
    }
}
