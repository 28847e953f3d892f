using System.Security.Cryptography;
using System.Text;

namespace Platform.Meetings.Documents;

/// <summary>A file that passed every check: its clean name, the type its bytes are, the bytes and their SHA-256.</summary>
public sealed record AcceptedFile(string FileName, string ContentType, byte[] Content, byte[] Sha256);

/// <summary>Either the accepted file, or the field errors (400), or the refusal (413, 415, 422).</summary>
public sealed record UploadCheck(AcceptedFile? File, Dictionary<string, string[]>? InvalidFields, ProblemHttpResult? Refusal);

/// <summary>
/// The checks of an upload, in the order a partner can fix them: a multipart form, a non-empty <c>file</c>
/// part, at most 10 MiB, one of the five accepted types by its bytes, and a declared Content-Type that does
/// not contradict them. Nothing here needs the meeting, so a refused upload costs no database work.
/// </summary>
public static class DocumentUpload
{
    public const string FieldName = "file";
    public const long MaxBytes = 10 * 1024 * 1024;
    /// <summary>The request may be a little larger than its file: boundaries and part headers.</summary>
    public const long MaxRequestBytes = MaxBytes + 64 * 1024;
    public const int FileNameMaxLength = 255;

    public static async Task<UploadCheck> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (file, unreadable) = await ReadFileAsync(request, cancellationToken);
        if (unreadable is not null) return unreadable;
        if (file is null)
            return Invalid("Attach the document as the multipart form field 'file'.");
        if (file.Length == 0)
            return Invalid("The file is empty.");
        if (file.Length > MaxBytes)
            return Refused(TooLarge($"A document has at most 10 MiB ({MaxBytes} bytes); this one has {file.Length} bytes."));

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, cancellationToken);
        var contentType = DocumentTypes.Sniff(content);
        if (contentType is null)
            return Refused(UnsupportedMediaType($"Only PDF, DOCX, XLSX, PNG and JPEG documents are accepted, and the bytes of this file are none of them."));
        if (DocumentTypes.Contradicts(file.ContentType, contentType))
            return Refused(TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Declared type contradicts the file",
                detail: $"The part is declared as '{file.ContentType}', but its bytes are {contentType}. Declare {contentType} or application/octet-stream."));

        var fileName = CleanFileName(file.FileName, contentType);
        if (fileName.Length > FileNameMaxLength)
            return Invalid($"The file name has at most {FileNameMaxLength} characters.");
        return new UploadCheck(new AcceptedFile(fileName, contentType, content, SHA256.HashData(content)), null, null);
    }

    /// <summary>
    /// The <c>file</c> part of a multipart form, read here rather than bound by the framework so that every way
    /// a body can be wrong has its own answer: no body at all is a missing file (400), another media type 415,
    /// a body past the limit 413 (Kestrel's, or the form's where a host has none), a broken form 400.
    /// </summary>
    private static async Task<(IFormFile? File, UploadCheck? Unreadable)> ReadFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ContentType) && request.ContentLength is null or 0) return (null, null);
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return (null, Refused(UnsupportedMediaType("Send the document as multipart/form-data with the file in the form field 'file'.")));
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (form.Files.GetFile(FieldName), null);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Refused(TooLarge($"A document has at most 10 MiB ({MaxBytes} bytes); the request may have {MaxRequestBytes} bytes with its form framing.")));
        }
        catch (InvalidDataException broken) when (broken.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Refused(TooLarge($"A document has at most 10 MiB ({MaxBytes} bytes).")));
        }
        catch (InvalidDataException)
        {
            return (null, Invalid("The multipart form could not be read."));
        }
        catch (IOException)
        {
            return (null, Invalid("The multipart form ended before it was complete."));
        }
    }

    /// <summary>
    /// The name without any folder a browser or client put in front (<c>C:\Users\...\</c>, <c>../</c>) and
    /// without control characters, in NFC so that the same Turkish or Arabic name is one string.
    /// </summary>
    public static string CleanFileName(string? given, string contentType)
    {
        var name = (given ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim().Normalize(NormalizationForm.FormC);
        return name is "" or "." or ".." ? "document" + DocumentTypes.ExtensionOf(contentType) : name;
    }

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Document too large", detail: detail);

    private static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported document type", detail: detail);

    private static UploadCheck Invalid(string message) => new(null, new Dictionary<string, string[]> { [FieldName] = [message] }, null);

    private static UploadCheck Refused(ProblemHttpResult refusal) => new(null, null, refusal);
}
