using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Meetings.Tests;

/// <summary>
/// Unreadable requests answer 400 problem details naming the field in Production exactly as in Development
/// (where minimal APIs used to throw them into a 500). The gateway's walk of every document runs in
/// Development; this proves the same answers with the Production environment.
/// </summary>
[Collection(MeetingsCollection.Name)]
public sealed class BadRequestTests(MeetingsService service)
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task An_unreadable_request_is_a_400_problem_that_names_the_field_in_every_environment(string environment)
    {
        await using var instance = service.Create(environment);
        using var partner = instance.CreateClient();
        partner.DefaultRequestHeaders.Authorization = TestTokenIssuer.Bearer("platform-dev", "meetings.read meetings.write");

        var cases = new (string Body, string Field)[]
        {
            ("", "body"),
            ("[]", "body"),
            ("{\"name\":", "name"),
            ("{\"name\": 123}", "name"),
            ("{\"name\": \"a\\u0000b\"}", "name"),
            ("{\"name\": \"a\\ud800b\"}", "name"),
            (new string('[', 5000), "body"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await partner.PostAsync("/api/v1/institutions", new StringContent(body, Encoding.UTF8, "application/json"));
            await AssertFieldProblemAsync(response, field, body);
        }
        using var notAGuid = await partner.GetAsync("/api/v1/institutions/not-a-guid");
        await AssertFieldProblemAsync(notAGuid, "id", "not-a-guid");
        using var badTime = await partner.GetAsync("/api/v1/meetings?from=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
    }

    private static async Task AssertFieldProblemAsync(HttpResponseMessage response, string field, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what[..Math.Min(20, what.Length)]}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{what[..Math.Min(20, what.Length)]}: errors without '{field}': {problem}");
    }
}
