using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>OAuth 2.0 client credentials at /connect/token, and who gets in with what.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class AuthenticationTests(PlatformFixture platform)
{
    private const string AnyInstitution = "/api/v1/institutions/0195d3c2-0000-7000-8000-000000000001";

    [Fact]
    public async Task A_request_without_a_token_gets_401_problem_details_with_a_bearer_challenge()
    {
        var response = await platform.Gateway.GetAsync(AnyInstitution);

        await response.AssertProblemAsync(401);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_desk_token_carries_its_institution_districts_and_every_scope_it_holds()
    {
        var token = new JsonWebToken(await platform.TokenAsync("umraniye-desk"));

        Assert.Equal("umraniye-desk", token.GetClaim("client_id").Value);
        Assert.Equal("umraniye-desk", token.GetClaim("institution").Value);
        Assert.Equal(["umraniye"], token.Claims.Where(c => c.Type == "district").Select(c => c.Value));
        Assert.Equal(
            ["cases.read", "cases.write", "livelihoods.read", "livelihoods.write", "meetings.read", "notifications.read"],
            token.GetClaim("scope").Value.Split(' ').Order());
        Assert.Equal("platform", token.Audiences.Single());
        Assert.Equal(platform.App.GetEndpoint("gateway") + "/", token.Issuer);
        Assert.Equal("RS256", token.Alg);
    }

    [Fact]
    public async Task A_token_asked_for_one_scope_carries_only_that_scope()
    {
        var token = new JsonWebToken(await platform.TokenAsync("platform-dev", scope: "meetings.read"));

        Assert.Equal("meetings.read", token.GetClaim("scope").Value);
    }

    [Fact]
    public async Task A_scope_the_partner_does_not_hold_is_refused_at_the_token_endpoint()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => platform.TokenAsync("meetings-reader", scope: "cases.read"));

        Assert.Contains("not allowed to use the specified scope", error.Message);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_invalid_client()
    {
        var response = await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "platform-dev", ["client_secret"] = "platform-dev-secreT",
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_refused_by_the_gateway_and_by_the_service()
    {
        var forged = TokenForge.SignedByAStranger(platform.App);

        await (await GetWith(forged, platform.App.GetEndpoint("gateway"))).AssertProblemAsync(401);
        await (await GetWith(forged, platform.App.GetEndpoint("meetings"))).AssertProblemAsync(401);
    }

    [Fact]
    public async Task An_expired_token_signed_by_the_real_key_is_refused_by_the_gateway_and_by_the_service()
    {
        var expired = await TokenForge.ExpiredAsync(platform.App);

        await (await GetWith(expired, platform.App.GetEndpoint("gateway"))).AssertProblemAsync(401);
        await (await GetWith(expired, platform.App.GetEndpoint("meetings"))).AssertProblemAsync(401);
    }

    [Fact]
    public async Task The_same_real_token_is_accepted_by_the_gateway_and_by_the_service()
    {
        var token = await platform.TokenAsync("platform-dev");

        // 404: authenticated and authorized, and no such institution.
        Assert.Equal(HttpStatusCode.NotFound, (await GetWith(token, platform.App.GetEndpoint("gateway"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetWith(token, platform.App.GetEndpoint("meetings"))).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetWith(string token, string baseUrl)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync(AnyInstitution);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
