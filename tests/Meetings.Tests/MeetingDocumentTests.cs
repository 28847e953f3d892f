using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Meetings.Links;
using Platform.Testing;

namespace Platform.Meetings.Tests;

[Collection(MeetingsCollection.Name)]
public sealed class MeetingDocumentTests(MeetingsService service)
{
    public static TheoryData<string, string, string> Types => new()
    {
        { "pdf", "Toplantı tutanağı – Ümraniye.pdf", DocumentFiles.Pdf },
        { "docx", "محضر الاجتماع.docx", DocumentFiles.Docx },
        { "xlsx", "katılım listesi.xlsx", DocumentFiles.Xlsx },
        { "png", "fotoğraf.png", DocumentFiles.Png },
        { "jpeg", "salon.jpg", DocumentFiles.Jpeg },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Each_accepted_type_is_stored_as_its_bytes_are_and_comes_back_byte_for_byte_with_its_SHA_256_as_ETag(string kind, string fileName, string contentType)
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);
        var bytes = FileOf(kind);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var uploaded = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", DocumentFiles.Form(bytes, fileName));
        var body = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var download = await partner.GetAsync(uploaded.Headers.Location);

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal(contentType, body.GetProperty("contentType").GetString());
        Assert.Equal(fileName, body.GetProperty("fileName").GetString());
        Assert.Equal(bytes.Length, body.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(sha, body.GetProperty("sha256").GetString());
        Assert.Equal("platform-dev", body.GetProperty("uploadedBy").GetString());
        Assert.Equal($"/api/v1/meetings/{meeting}/documents/{body.GetProperty("id").GetGuid()}", uploaded.Headers.Location!.ToString());
        Assert.Equal($"\"{sha}\"", uploaded.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(contentType, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes.Length, download.Content.Headers.ContentLength);
        Assert.Equal($"\"{sha}\"", download.Headers.ETag!.Tag);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        // The name survives as RFC 5987 filename* (UTF-8), beside an ASCII fallback.
        Assert.Equal(fileName, Uri.UnescapeDataString(download.Content.Headers.ContentDisposition.FileNameStar!));
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_list_shows_each_document_without_its_bytes_oldest_first_and_a_folder_in_the_name_is_dropped()
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);
        await UploadAsync(partner, meeting, DocumentFiles.PdfFile(), @"C:\Users\ayse\Desktop\Gündem.pdf");
        await UploadAsync(partner, meeting, DocumentFiles.PngFile(), "../../etc/şema.png");

        var list = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meeting}/documents");

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Gündem.pdf", "şema.png"], items.Select(i => i.GetProperty("fileName").GetString()));
        Assert.Equal(2, list.GetProperty("totalItems").GetInt32());
        Assert.All(items, i => Assert.False(i.TryGetProperty("content", out _)));
        Assert.Equal(DocumentFiles.Png, items[1].GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task A_download_with_the_ETag_in_If_None_Match_answers_304_without_the_bytes()
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);
        var uploaded = await UploadAsync(partner, meeting, DocumentFiles.PdfFile(), "tutanak.pdf");

        using var request = new HttpRequestMessage(HttpMethod.Get, uploaded.Headers.Location);
        request.Headers.IfNoneMatch.Add(uploaded.Headers.ETag!);
        var notModified = await partner.SendAsync(request);
        using var stale = new HttpRequestMessage(HttpMethod.Get, uploaded.Headers.Location) { Headers = { IfNoneMatch = { new EntityTagHeaderValue("\"0000\"") } } };
        var changed = await partner.SendAsync(stale);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(uploaded.Headers.ETag!.Tag, notModified.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Theory]
    [InlineData("exe", "rapor.pdf", "application/octet-stream")]
    [InlineData("exe", "rapor.pdf", null)]
    [InlineData("zip", "arsiv.zip", "application/zip")]
    [InlineData("text", "notlar.pdf", "application/octet-stream")]
    public async Task A_file_that_is_none_of_the_five_types_by_its_bytes_gets_415_and_nothing_is_written(string kind, string fileName, string? declared)
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);

        var response = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", DocumentFiles.Form(FileOf(kind), fileName, declared));

        var problem = await response.AssertProblemAsync(415);
        Assert.Contains("PDF, DOCX, XLSX, PNG and JPEG", problem.GetProperty("detail").GetString());
        await AssertNothingWrittenAsync(partner, meeting);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_gets_415_problem_details()
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);

        var json = await partner.PostAsJsonAsync($"/api/v1/meetings/{meeting}/documents", new { file = "JVBERi0=" });
        var form = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", new FormUrlEncodedContent([new("file", "tutanak.pdf")]));
        var raw = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", new ByteArrayContent(DocumentFiles.PdfFile()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } });

        Assert.Contains("multipart/form-data", (await json.AssertProblemAsync(415)).GetProperty("detail").GetString());
        Assert.Contains("multipart/form-data", (await form.AssertProblemAsync(415)).GetProperty("detail").GetString());
        await raw.AssertProblemAsync(415);
        await AssertNothingWrittenAsync(partner, meeting);
    }

    [Fact]
    public async Task A_declared_type_that_contradicts_the_bytes_gets_422_naming_both()
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);

        var response = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", DocumentFiles.Form(DocumentFiles.PngFile(), "tutanak.pdf", "application/pdf"));
        var alias = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", DocumentFiles.Form(DocumentFiles.JpegFile(), "salon.jpg", "image/jpg"));

        var detail = (await response.AssertProblemAsync(422)).GetProperty("detail").GetString()!;
        Assert.Contains("application/pdf", detail);
        Assert.Contains("image/png", detail);
        Assert.Equal(HttpStatusCode.Created, alias.StatusCode);
    }

    [Fact]
    public async Task A_missing_or_empty_file_is_a_400_naming_file()
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);

        var empty = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", DocumentFiles.Form([], "bos.pdf"));
        var otherField = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", DocumentFiles.Form(DocumentFiles.PdfFile(), "tutanak.pdf", field: "document"));
        var noBody = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", null);

        foreach (var response in new[] { empty, otherField, noBody })
            Assert.True((await response.AssertProblemAsync(400)).GetProperty("errors").TryGetProperty("file", out _));
        await AssertNothingWrittenAsync(partner, meeting);
    }

    [Fact]
    public async Task A_file_over_10_MiB_gets_413_and_one_of_exactly_10_MiB_is_taken()
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);
        var tooLarge = PaddedPdf(10 * 1024 * 1024 + 1);

        var refused = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", DocumentFiles.Form(tooLarge, "büyük.pdf"));
        var problem = await refused.AssertProblemAsync(413);
        await AssertNothingWrittenAsync(partner, meeting);
        var taken = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", DocumentFiles.Form(PaddedPdf(10 * 1024 * 1024), "tam.pdf"));

        Assert.Contains("10485760", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
    }

    [Fact]
    public async Task On_Kestrel_the_upload_route_stops_a_body_past_10_MiB_and_its_framing_with_413()
    {
        // Kestrel, not the in-memory test server: the per-route request limit is Kestrel's.
        await using var kestrel = service.Create("Development");
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        using var partner = kestrel.CreateClient();
        partner.DefaultRequestHeaders.Authorization = TestTokenIssuer.Bearer("platform-dev", "meetings.read meetings.write");
        var meeting = await MeetingAsync(partner);

        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{meeting}/documents") { Content = DocumentFiles.Form(PaddedPdf(11 * 1024 * 1024), "büyük.pdf") };
        // As a well-behaved client sends a large body: Kestrel refuses on Content-Length before the body is sent.
        upload.Headers.ExpectContinue = true;
        var refused = await partner.SendAsync(upload);

        Assert.Contains("10551296", (await refused.AssertProblemAsync(413)).GetProperty("detail").GetString());
        await AssertNothingWrittenAsync(partner, meeting);
    }

    [Fact]
    public async Task Documents_are_scoped_as_their_meeting_unknown_404_other_district_403_cancelled_409()
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);
        var uploaded = await UploadAsync(partner, meeting, DocumentFiles.PdfFile(), "tutanak.pdf");
        using var otherDistrict = service.Partner("gaziosmanpasa-desk", "meetings.read meetings.write", "gaziosmanpasa");
        using var reader = service.Partner("meetings-reader", "meetings.read");
        var cancelled = await MeetingAsync(partner);
        (await partner.PostAsJsonAsync($"/api/v1/meetings/{cancelled}/cancel", new { reason = "Bayram" })).EnsureSuccessStatusCode();

        await (await partner.PostAsync($"/api/v1/meetings/{Guid.NewGuid()}/documents", DocumentFiles.Form(DocumentFiles.PdfFile(), "a.pdf"))).AssertProblemAsync(404);
        await (await partner.GetAsync($"/api/v1/meetings/{Guid.NewGuid()}/documents")).AssertProblemAsync(404);
        await (await partner.GetAsync($"/api/v1/meetings/{meeting}/documents/{Guid.NewGuid()}")).AssertProblemAsync(404);
        await (await otherDistrict.PostAsync($"/api/v1/meetings/{meeting}/documents", DocumentFiles.Form(DocumentFiles.PdfFile(), "a.pdf"))).AssertProblemAsync(403);
        await (await otherDistrict.GetAsync($"/api/v1/meetings/{meeting}/documents")).AssertProblemAsync(403);
        await (await otherDistrict.GetAsync(uploaded.Headers.Location)).AssertProblemAsync(403);
        // Reading needs meetings.read only; adding needs meetings.write.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(uploaded.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/api/v1/meetings/{meeting}/documents", DocumentFiles.Form(DocumentFiles.PdfFile(), "a.pdf"))).StatusCode);
        await (await partner.PostAsync($"/api/v1/meetings/{cancelled}/documents", DocumentFiles.Form(DocumentFiles.PdfFile(), "a.pdf"))).AssertProblemAsync(409);
        // A document of one meeting is not found under another.
        await (await partner.GetAsync(uploaded.Headers.Location!.ToString().Replace(meeting.ToString(), cancelled.ToString()))).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Every_upload_writes_MeetingDocumentAdded_with_its_meeting_and_without_the_bytes()
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);
        var bytes = DocumentFiles.DocxFile();

        var uploaded = await UploadAsync(partner, meeting, bytes, "محضر.docx");

        var events = await service.EventsOfAsync(meeting);
        Assert.Equal(["MeetingScheduled", "MeetingDocumentAdded"], events.Select(e => e.Type));
        var added = events[1].Body;
        Assert.Equal(meeting, added.GetProperty("meetingId").GetGuid());
        Assert.Equal((await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), added.GetProperty("documentId").GetGuid());
        Assert.Equal("umraniye", added.GetProperty("district").GetString());
        Assert.Equal("محضر.docx", added.GetProperty("fileName").GetString());
        Assert.Equal(DocumentFiles.Docx, added.GetProperty("contentType").GetString());
        Assert.Equal(bytes.Length, added.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), added.GetProperty("sha256").GetString());
        Assert.Equal(["addedAt", "contentType", "district", "documentId", "fileName", "meetingId", "sha256", "sizeBytes"],
            added.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_minutes_carry_a_signed_link_per_document_that_opens_without_a_token_for_90_days()
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);
        var pdf = DocumentFiles.PdfFile();
        await UploadAsync(partner, meeting, pdf, "Tutanak eki – Ümraniye.pdf");
        await UploadAsync(partner, meeting, DocumentFiles.XlsxFile(), "katılım.xlsx");

        (await partner.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes", new { summary = "Belgeler görüşüldü.", decisions = Array.Empty<string>(), actionItems = Array.Empty<object>() })).EnsureSuccessStatusCode();
        var minutes = (await service.EventsOfAsync(meeting)).Single(e => e.Type == "MinutesPublished").Body;
        var links = minutes.GetProperty("documents").EnumerateArray().ToList();
        var first = new Uri(links[0].GetProperty("url").GetString()!);
        using var recipient = service.Anonymous();
        var opened = await recipient.GetAsync(first.PathAndQuery);
        var signer = service.Services.GetRequiredService<LinkSigner>();
        var documentId = links[0].GetProperty("documentId").GetGuid();
        var expired = await recipient.GetAsync($"/api/v1/document-links/{signer.SignDocument(meeting, documentId, DateTimeOffset.UtcNow.AddMinutes(-1))}");
        var token = first.Segments[^1];
        var forged = await recipient.GetAsync($"/api/v1/document-links/{token[..^2]}{(token[^2] == 'A' ? 'B' : 'A')}{token[^1]}");
        // A reply link's token is signed with the same key, but it is no document link.
        var replyToken = signer.SignReply(meeting, documentId, DateTimeOffset.UtcNow.AddDays(1));
        var reply = await recipient.GetAsync($"/api/v1/document-links/{replyToken}");

        Assert.Equal(["Tutanak eki – Ümraniye.pdf", "katılım.xlsx"], links.Select(l => l.GetProperty("fileName").GetString()));
        Assert.Equal(pdf.Length, links[0].GetProperty("sizeBytes").GetInt64());
        Assert.StartsWith("http://issuer.test/api/v1/document-links/", first.ToString());
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(pdf, await opened.Content.ReadAsByteArrayAsync());
        Assert.Equal(DocumentFiles.Pdf, opened.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(pdf))}\"", opened.Headers.ETag!.Tag);
        Assert.Equal("Tutanak eki – Ümraniye.pdf", Uri.UnescapeDataString(opened.Content.Headers.ContentDisposition!.FileNameStar!));
        await expired.AssertProblemAsync(410);
        await forged.AssertProblemAsync(404);
        await reply.AssertProblemAsync(404);
        var expiry = signer.ReadDocument(token)!.ExpiresAt;
        var published = DateTimeOffset.Parse(minutes.GetProperty("publishedAt").GetString()!);
        Assert.Equal(published.AddDays(90).ToUnixTimeSeconds(), expiry.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Minutes_of_a_meeting_without_documents_carry_an_empty_list()
    {
        using var partner = service.Partner();
        var meeting = await MeetingAsync(partner);

        (await partner.PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes", new { summary = "Kısa toplantı." })).EnsureSuccessStatusCode();

        var minutes = (await service.EventsOfAsync(meeting)).Single(e => e.Type == "MinutesPublished").Body;
        Assert.Equal(0, minutes.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public async Task The_upload_is_described_as_multipart_form_data_with_a_binary_file()
    {
        var document = JsonDocument.Parse(await service.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var upload = document.GetProperty("paths").GetProperty("/api/v1/meetings/{id}/documents").GetProperty("post");

        var content = upload.GetProperty("requestBody").GetProperty("content");
        Assert.Equal(["multipart/form-data"], content.EnumerateObject().Select(c => c.Name));
        var file = Resolve(document, FindProperty(document, content.GetProperty("multipart/form-data").GetProperty("schema"), "file"));
        Assert.Equal("string", file.GetProperty("type").GetString());
        Assert.Equal("binary", file.GetProperty("format").GetString());
        Assert.All(new[] { "400", "403", "404", "409", "413", "415", "422" }, status => Assert.True(upload.GetProperty("responses").TryGetProperty(status, out _), status));
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private static JsonElement FindProperty(JsonElement document, JsonElement schema, string name)
    {
        schema = Resolve(document, schema);
        if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out var found)) return found;
        foreach (var part in schema.TryGetProperty("allOf", out var all) ? all.EnumerateArray() : Enumerable.Empty<JsonElement>())
            if (FindProperty(document, part, name) is { ValueKind: JsonValueKind.Object } inner) return inner;
        return default;
    }

    private static byte[] FileOf(string kind) => kind switch
    {
        "pdf" => DocumentFiles.PdfFile(),
        "docx" => DocumentFiles.DocxFile(),
        "xlsx" => DocumentFiles.XlsxFile(),
        "png" => DocumentFiles.PngFile(),
        "jpeg" => DocumentFiles.JpegFile(),
        "exe" => DocumentFiles.Executable(),
        "zip" => DocumentFiles.PlainZip(),
        _ => Encoding.UTF8.GetBytes("Bu bir metin dosyasıdır."),
    };

    private static byte[] PaddedPdf(int length)
    {
        var bytes = new byte[length];
        DocumentFiles.PdfFile().CopyTo(bytes, 0);
        return bytes;
    }

    private async Task<Guid> MeetingAsync(HttpClient partner)
    {
        var scenario = await MeetingScenario.CreateAsync(partner);
        return (await scenario.ScheduleAsync(partner)).Id;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient partner, Guid meeting, byte[] bytes, string fileName)
    {
        var response = await partner.PostAsync($"/api/v1/meetings/{meeting}/documents", DocumentFiles.Form(bytes, fileName));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response;
    }

    private async Task AssertNothingWrittenAsync(HttpClient partner, Guid meeting)
    {
        Assert.Equal(0, (await partner.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meeting}/documents")).GetProperty("totalItems").GetInt32());
        Assert.Equal(["MeetingScheduled"], (await service.EventsOfAsync(meeting)).Select(e => e.Type));
    }
}
