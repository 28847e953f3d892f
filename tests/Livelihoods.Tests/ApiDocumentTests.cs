using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Livelihoods.Tests;

/// <summary>What partner systems generate clients from: every operation says what it answers.</summary>
[Collection(LivelihoodsCollection.Name)]
public sealed class ApiDocumentTests(LivelihoodsService livelihoods)
{
    [Fact]
    public async Task The_reports_offer_CSV_beside_JSON_and_an_unknown_partner_institution_is_a_422_problem()
    {
        // That every operation declares a success schema, 404 and 400: Gateway.Tests walks all four documents.
        using var client = livelihoods.Partner("docs-reader");
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

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
