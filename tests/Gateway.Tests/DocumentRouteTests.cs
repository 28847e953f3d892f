using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// Meeting documents through the gateway: the upload route alone carries up to 10 MiB (every other route
/// keeps 1 MiB), and the document link of the minutes email opens without a token.
/// </summary>
[Collection(GatewayPlatform.Name)]
public sealed class DocumentRouteTests(PlatformFixture platform)
{
    private const long DocumentLimit = 10 * 1024 * 1024 + 64 * 1024;

    [Fact]
    public async Task A_5_MiB_document_reaches_meetings_and_comes_back_through_the_gateway_and_its_link_opens_without_a_token()
    {
        using var partner = await platform.PartnerAsync("platform-dev");
        var meeting = await MeetingAsync(partner);
        var pdf = Pdf(5 * 1024 * 1024);

        var uploaded = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", Form(pdf, "Sunum – Ümraniye.pdf"));
        var document = await uploaded.CreatedAsync();
        var download = await partner.GetAsync(uploaded.Headers.Location);
        (await partner.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes", new { summary = "Sunum paylaşıldı." })).EnsureSuccessStatusCode();
        // Written with the minutes, in the same transaction.
        var minutes = (await OutboxEvents.OfAsync(platform.App.GetConnectionString("meetingsdb")!, meeting)).Single(e => e.Type == "MinutesPublished").Body;
        var link = new Uri(minutes.GetProperty("documents")[0].GetProperty("url").GetString()!);
        var opened = await platform.Gateway.GetAsync(link.PathAndQuery);

        Assert.Equal("application/pdf", document.GetProperty("contentType").GetString());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(pdf, await opened.Content.ReadAsByteArrayAsync());
        Assert.Equal(download.Headers.ETag, opened.Headers.ETag);
    }

    [Fact]
    public async Task An_11_MiB_upload_gets_413_naming_the_document_limit_and_2_MiB_elsewhere_still_gets_413_naming_1_MiB()
    {
        using var partner = await platform.PartnerAsync("platform-dev");
        var meeting = await MeetingAsync(partner);

        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{meeting}/documents") { Content = Form(Pdf(11 * 1024 * 1024), "büyük.pdf") };
        upload.Headers.ExpectContinue = true;
        var tooLarge = await partner.SendAsync(upload);
        using var minutes = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{meeting}/minutes")
        {
            Content = new StringContent($"{{\"summary\": \"{new string('a', 2 * 1024 * 1024)}\"}}", Encoding.UTF8, "application/json"),
        };
        minutes.Headers.ExpectContinue = true;
        var elsewhere = await partner.SendAsync(minutes);
        // The raised limit belongs to the upload route: the meeting's other routes keep 1 MiB.
        using var documentsPut = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/meetings/{meeting}/documents") { Content = Form(Pdf(2 * 1024 * 1024), "a.pdf") };
        documentsPut.Headers.ExpectContinue = true;
        var put = await partner.SendAsync(documentsPut);

        Assert.Contains(DocumentLimit.ToString(), (await tooLarge.AssertProblemAsync(413)).GetProperty("detail").GetString());
        Assert.Contains("1048576", (await elsewhere.AssertProblemAsync(413)).GetProperty("detail").GetString());
        Assert.Contains("1048576", (await put.AssertProblemAsync(413)).GetProperty("detail").GetString());
        Assert.Equal(0, (await partner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/meetings/{meeting}/documents")).GetProperty("totalItems").GetInt32());
    }

    private static async Task<Guid> MeetingAsync(HttpClient partner)
    {
        var host = await (await partner.PostAsJsonAsync("/api/v1/institutions", new { name = $"Ümraniye Kaymakamlığı {Guid.NewGuid():N}", kind = "district-governorship", district = "umraniye" })).CreatedIdAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(10).Date.AddHours(7);
        return await (await partner.PostAsJsonAsync("/api/v1/meetings", new
        {
            title = "İlçe Koordinasyon Toplantısı", kind = "district-coordination", district = "umraniye", hostInstitutionId = host,
            startsAt = new DateTimeOffset(starts, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            endsAt = new DateTimeOffset(starts, TimeSpan.Zero).AddHours(2).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            location = "Kaymakamlık toplantı salonu",
            agenda = new[] { new { topic = "legal-aid", title = "Hukuki destek" } },
            inviteeContactIds = Array.Empty<Guid>(),
        })).CreatedIdAsync();
    }

    /// <summary>A PDF header padded to <paramref name="length"/> bytes: enough for the sniffer, and as large as the test needs.</summary>
    private static byte[] Pdf(int length)
    {
        var bytes = new byte[length];
        "%PDF-1.4\n%%EOF\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { part, "file", fileName } };
    }
}
