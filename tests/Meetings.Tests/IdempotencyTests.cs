using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Meetings.Tests;

[Collection(MeetingsCollection.Name)]
public sealed class IdempotencyTests(MeetingsService service)
{
    [Fact]
    public async Task A_retried_post_with_the_same_key_returns_the_first_answer_and_creates_nothing_new()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var key = Guid.NewGuid().ToString();
        var body = scenario.Request(title: $"Idempotent {key[..8]}");

        var first = await PostWithKey(partner, body, key);
        var retry = await PostWithKey(partner, body, key);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        var retryBody = await retry.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?district={scenario.District}&pageSize=100");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(firstBody.GetProperty("id").GetGuid(), retryBody.GetProperty("id").GetGuid());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(1, listed.GetProperty("items").EnumerateArray().Count(m => m.GetProperty("title").GetString() == $"Idempotent {key[..8]}"));
        Assert.Single(await service.EventsOfAsync(firstBody.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_refused_with_422()
    {
        using var partner = service.Partner();
        var scenario = await MeetingScenario.CreateAsync(partner);
        var key = Guid.NewGuid().ToString();

        await PostWithKey(partner, scenario.Request(title: "First"), key);
        var other = await PostWithKey(partner, scenario.Request(title: "Second"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Keys_belong_to_one_partner_so_two_partners_never_collide()
    {
        using var first = service.Partner("partner-a");
        using var second = service.Partner("partner-b");
        var scenario = await MeetingScenario.CreateAsync(first);
        var key = Guid.NewGuid().ToString();

        var a = await PostWithKey(first, scenario.Request(), key);
        var b = await PostWithKey(second, scenario.Request(), key);

        Assert.NotEqual((await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            (await b.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static Task<HttpResponseMessage> PostWithKey(HttpClient partner, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/meetings") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return partner.SendAsync(request);
    }
}
