using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Gateway.Tests;

internal static class Problems
{
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
