using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Livelihoods.Tests;

/// <summary>What partner systems generate clients from: every operation says what it answers.</summary>
[Collection(LivelihoodsCollection.Name)]
public sealed class ApiDocumentTests(LivelihoodsService livelihoods)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task Every_operation_declares_its_success_response_with_a_schema_and_its_problem_responses()
    {
        using var client = livelihoods.Partner("docs-reader");
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => (Path: path.Name, Method: o.Name, Operation: o.Value)))
            .ToList();
        Assert.True(operations.Count >= 23, $"{operations.Count} operations");

        var missing = new List<string>();
        foreach (var (path, method, operation) in operations)
        {
            var responses = operation.GetProperty("responses");
            var name = $"{method.ToUpperInvariant()} {path}";
            if (path.Contains(":guid", StringComparison.Ordinal)) missing.Add($"{name}: a route constraint");
            var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (success.Count == 0) missing.Add($"{name}: no success response");
            foreach (var response in success.Where(r => r.Name is "200" or "201"))
                if (!response.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/json", out var json) || !json.TryGetProperty("schema", out _))
                    missing.Add($"{name}: {response.Name} without a JSON schema");
            if (path.Contains("{id}", StringComparison.Ordinal) && !IsProblem(responses, "404")) missing.Add($"{name}: no 404 problem");
            if (operation.TryGetProperty("requestBody", out _) && !IsProblem(responses, "400")) missing.Add($"{name}: no 400 problem");
        }
        Assert.Empty(missing);

        foreach (var csv in new[] { "/api/v1/cohorts/{id}/summary", "/api/v1/reports/livelihoods" })
        {
            var content = document.GetProperty("paths").GetProperty(csv).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
            Assert.True(content.TryGetProperty("text/csv", out _), $"{csv} offers CSV");
            Assert.True(content.TryGetProperty("application/json", out _), $"{csv} offers JSON");
        }
        var create = document.GetProperty("paths").GetProperty("/api/v1/cohorts").GetProperty("post").GetProperty("responses");
        Assert.True(IsProblem(create, "422"), "an unknown partner institution is a 422 problem");
    }

    private static bool IsProblem(JsonElement responses, string status) =>
        responses.TryGetProperty(status, out var response) && response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _);
}
