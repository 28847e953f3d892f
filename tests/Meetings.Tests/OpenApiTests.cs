using System.Text.Json;

namespace Platform.Meetings.Tests;

[Collection(MeetingsCollection.Name)]
public sealed class OpenApiTests(MeetingsService service)
{
    // Every operation's success schema and problems: Gateway.Tests walks all four documents (ApiDocumentationTests).
    [Fact]
    public async Task The_reply_link_is_a_page_on_get_and_json_or_a_page_on_post()
    {
        var document = JsonDocument.Parse(await service.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var rsvp = document.GetProperty("paths").GetProperty("/api/v1/rsvp/{token}");

        var get = rsvp.GetProperty("get").GetProperty("responses");
        var post = rsvp.GetProperty("post").GetProperty("responses");

        Assert.Equal(["text/html"], get.GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name));
        Assert.Equal(["application/json", "text/html"], post.GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(new[] { "403", "404", "409", "410" }, status =>
        {
            Assert.True(get.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _));
            Assert.True(post.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _));
        });
        Assert.Equal(["application/json", "application/x-www-form-urlencoded"],
            rsvp.GetProperty("post").GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
    }
}
