using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Platform.Gateway.Tests.Malformed;

/// <summary>A request body for a multipart operation and what it tries; made fresh for every send (content is sent once).</summary>
public sealed record MalformedForm(string What, Func<HttpContent?> Content);

/// <summary>
/// The malformed requests an operation that takes files (multipart/form-data) must refuse with a 4xx before
/// anything is written: no body, bodies of other media types, a form without its file parts, a truncated
/// form, and files whose bytes are nothing the operation accepts.
/// </summary>
public static class MalformedForms
{
    /// <param name="fileFields">The form's binary properties, as the OpenAPI document names them.</param>
    public static IEnumerable<MalformedForm> For(IReadOnlyList<string> fileFields)
    {
        yield return new("no body", () => null);
        yield return new("a JSON body", () => JsonContent.Create(fileFields.ToDictionary(f => f, _ => "JVBERi0xLjQ=")));
        yield return new("a url-encoded form", () => new FormUrlEncodedContent(fileFields.Select(f => KeyValuePair.Create(f, "rapor.pdf"))));
        yield return new("a bare PDF without a form", () => Bytes("%PDF-1.4\n%%EOF\n"u8.ToArray(), "application/pdf"));
        yield return new("a multipart form without the file parts", () => new MultipartFormDataContent { { new StringContent("Toplantı notu"), "note" } });
        yield return new("a truncated multipart form", () => Truncated(fileFields[0]));
        yield return new("an empty file", () => Files(fileFields, [], "bos.pdf"));
        yield return new("an executable renamed .pdf", () => Files(fileFields, [.. "MZ"u8, 0x90, 0x00, .. "This program cannot be run in DOS mode."u8], "rapor.pdf"));
        yield return new("a plain text file", () => Files(fileFields, Encoding.UTF8.GetBytes("Bu bir metin dosyasıdır."), "notlar.pdf"));
        yield return new("a PNG declared as a PDF", () => Files(fileFields, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0], "tutanak.pdf", "application/pdf"));
    }

    private static MultipartFormDataContent Files(IReadOnlyList<string> fields, byte[] bytes, string fileName, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        foreach (var field in fields)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, field, fileName);
        }
        return form;
    }

    /// <summary>A form whose file part starts and whose closing boundary never comes.</summary>
    private static ByteArrayContent Truncated(string field)
    {
        const string Boundary = "platform-malformed";
        var body = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then noth";
        var content = Bytes(Encoding.ASCII.GetBytes(body), "multipart/form-data");
        content.Headers.ContentType!.Parameters.Add(new NameValueHeaderValue("boundary", Boundary));
        return content;
    }

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
