using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>What partners generate clients from for corrections, households and the batch check.</summary>
[Collection(CasesCollection.Name)]
public sealed class CorrectionsAndBatchDocumentTests(CasesService cases)
{
    private async Task<JsonElement> PathsAsync()
    {
        using var anonymous = cases.Anonymous();
        return (await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
    }

    private static bool HasProblem(JsonElement operation, string status) =>
        operation.GetProperty("responses").TryGetProperty(status, out var response) && response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _);

    [Fact]
    public async Task The_correction_declares_its_preconditions_and_the_batch_takes_json_or_csv()
    {
        var paths = await PathsAsync();
        var correct = paths.GetProperty("/api/v1/beneficiaries/{id}").GetProperty("patch");
        foreach (var status in new[] { "400", "404", "412", "428" }) Assert.True(HasProblem(correct, status), $"PATCH /api/v1/beneficiaries/{{id}} does not declare {status}");
        Assert.True(correct.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/merge-patch+json", out _));

        var batch = paths.GetProperty("/api/v1/duplicate-checks/batch").GetProperty("post");
        var content = batch.GetProperty("requestBody").GetProperty("content");
        Assert.Equal("array", content.GetProperty("application/json").GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("string", content.GetProperty("text/csv").GetProperty("schema").GetProperty("type").GetString());
        Assert.True(HasProblem(batch, "422"));

        Assert.True(HasProblem(paths.GetProperty("/api/v1/households").GetProperty("post"), "409"));
        Assert.True(HasProblem(paths.GetProperty("/api/v1/households/{id}/members/{beneficiaryId}").GetProperty("delete"), "404"));
    }
}
