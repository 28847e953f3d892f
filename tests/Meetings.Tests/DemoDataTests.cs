using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Meetings.Tests;

/// <summary>The demo directory of the seed texts: meetings, desks and the service offers they describe, loaded once however often asked.</summary>
[Collection(MeetingsCollection.Name)]
public sealed class DemoDataTests(MeetingsService service)
{
    [Fact]
    public async Task The_demo_carries_the_offers_of_the_texts_and_loading_it_twice_changes_nothing()
    {
        using var partner = service.Partner();

        var first = await (await partner.PostAsync("/api/v1/meetings/demo-data", null)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await partner.PostAsync("/api/v1/meetings/demo-data", null)).Content.ReadFromJsonAsync<JsonElement>();
        var offers = await partner.GetFromJsonAsync<JsonElement>("/api/v1/service-directory?district=kucukcekmece&pageSize=100");
        var womens = await partner.GetFromJsonAsync<JsonElement>("/api/v1/service-directory?district=sultangazi&category=livelihoods&gender=women&pageSize=100");
        var forMen = await partner.GetFromJsonAsync<JsonElement>("/api/v1/service-directory?district=sultangazi&category=livelihoods&gender=men&pageSize=100");

        Assert.True(first.GetProperty("serviceOffersAdded").GetInt32() >= 20 || again.GetProperty("serviceOffersAdded").GetInt32() == 0);
        Assert.Equal(0, again.GetProperty("institutionsAdded").GetInt32());
        Assert.Equal(0, again.GetProperty("contactsAdded").GetInt32());
        Assert.Equal(0, again.GetProperty("serviceOffersAdded").GetInt32());
        Assert.Equal(first.GetProperty("meetingIds").ToString(), again.GetProperty("meetingIds").ToString());
        var categories = offers.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("offer").GetProperty("category").GetString()).ToHashSet();
        foreach (var category in new[] { "language-training", "literacy-course", "computer-course", "psychosocial-support", "legal-aid", "shelter-household-items", "livelihoods", "workplace-licensing-support", "food-support", "interpretation" })
            Assert.Contains(category, categories);
        Assert.Contains(womens.GetProperty("items").EnumerateArray(), o => o.GetProperty("institution").GetProperty("name").GetString()!.Contains("WALD"));
        Assert.DoesNotContain(forMen.GetProperty("items").EnumerateArray(), o => o.GetProperty("institution").GetProperty("name").GetString()!.Contains("WALD"));
        var workshop = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{first.GetProperty("meetingIds")[2].GetGuid()}");
        Assert.Equal("platform-workshop", workshop.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, workshop.GetProperty("district").ValueKind);
        Assert.True(workshop.GetProperty("invitees").GetArrayLength() >= 9);
    }
}
