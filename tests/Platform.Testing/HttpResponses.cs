using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Platform.Testing;

/// <summary>Reading what an API created, failing with the status and the problem body when it did not.</summary>
public static class HttpResponses
{
    public static async Task<JsonElement> CreatedAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The <c>id</c> of what was created.</summary>
    public static async Task<Guid> CreatedIdAsync(this HttpResponseMessage response) =>
        (await response.CreatedAsync()).GetProperty("id").GetGuid();

    /// <summary>Asserts an RFC 9457 body with the response's status, and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
