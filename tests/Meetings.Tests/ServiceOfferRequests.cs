using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.Meetings.Tests;

/// <summary>Service offers as a test builds them: a valid body to start from, and the calls that publish and change them.</summary>
internal static class ServiceOfferRequests
{
    /// <summary>A complete, valid offer; a test changes what it is about.</summary>
    public static JsonObject Offer(string nameTr, string category = "health", params string[] districts) => new()
    {
        ["category"] = category,
        ["name"] = new JsonObject { ["tr"] = nameTr, ["ar"] = "خدمة " + nameTr, ["en"] = "Service " + nameTr },
        ["districts"] = Array(districts.Length == 0 ? ["umraniye"] : districts),
        ["languages"] = Array("tr", "ar"),
        ["channels"] = Array("in-person"),
        ["capacityPerMonth"] = 40,
        ["phone"] = "+90 216 555 01 01",
        ["address"] = "Atatürk Mah. Sağlık Sok. No: 3",
        ["hours"] = "Hafta içi 09:00-17:00",
    };

    public static JsonArray Array(params string[] values) => new([.. values.Select(v => (JsonNode)v)]);

    /// <summary><paramref name="body"/> with the fields of <paramref name="patch"/> merged in (RFC 7396, as the service merges a PATCH).</summary>
    public static JsonObject With(this JsonObject body, string patch)
    {
        var merged = (JsonObject)body.DeepClone();
        Merge(merged, JsonNode.Parse(patch)!.AsObject());
        return merged;
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is JsonObject inner && target[name] is JsonObject existing) Merge(existing, inner);
            else target[name] = value?.DeepClone();
        }
    }

    public static async Task<JsonElement> PublishOfferAsync(this HttpClient partner, Guid institution, JsonObject body) =>
        await (await partner.PostAsJsonAsync($"/api/v1/institutions/{institution}/service-offers", body)).CreatedAsync();

    public static async Task<Guid> PublishOfferIdAsync(this HttpClient partner, Guid institution, JsonObject body) =>
        (await partner.PublishOfferAsync(institution, body)).GetProperty("id").GetGuid();

    public static Task<HttpResponseMessage> PatchOfferAsync(this HttpClient partner, Guid offer, string patch, string? ifMatch = null) =>
        partner.SendAsync(Request(HttpMethod.Patch, $"/api/v1/service-offers/{offer}", patch, ifMatch));

    public static Task<HttpResponseMessage> WithdrawOfferAsync(this HttpClient partner, Guid offer, string? ifMatch = null) =>
        partner.SendAsync(Request(HttpMethod.Post, $"/api/v1/service-offers/{offer}/withdraw", null, ifMatch));

    private static HttpRequestMessage Request(HttpMethod method, string url, string? json, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string? ETagOf(HttpResponseMessage response) => response.Headers.ETag?.Tag;
}
