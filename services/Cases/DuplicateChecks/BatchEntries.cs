using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Platform.Cases.Apis;

namespace Platform.Cases.DuplicateChecks;

/// <summary>
/// A batch of duplicate checks as a desk sends it: a JSON array of the single check's requests, or a CSV
/// file with a header row naming the same fields (<c>documentKind</c> and <c>documentNumber</c> for the
/// document). Read as a stream that stops one entry past the limit, so an oversized batch costs no more
/// than a full one.
/// </summary>
public static class BatchEntries
{
    public const int Limit = 1000;

    public static readonly IReadOnlyList<string> CsvColumns =
        ["nationalIdNumber", "foreignerIdNumber", "documentKind", "documentNumber", "fullName", "dateOfBirth", "category", "windowDays", "district", "on"];

    /// <summary>The entries (at most <see cref="Limit"/> + 1), or why the body could not be read.</summary>
    public sealed record Read(List<ServicesApi.CheckRequest?>? Entries, string? Problem);

    public static async Task<Read> ReadAsync(HttpRequest request, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        try
        {
            return request.ContentType is { } type && type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)
                ? await FromCsvAsync(request.Body, cancellationToken)
                : await FromJsonAsync(request.Body, json.Value.SerializerOptions, cancellationToken);
        }
        catch (JsonException e)
        {
            return new Read(null, $"The body is not a JSON array of checks: {e.Message}");
        }
        catch (CsvFormatException e)
        {
            return new Read(null, $"The CSV cannot be read, {e.Message}.");
        }
        catch (DecoderFallbackException)
        {
            return new Read(null, "The CSV is not valid UTF-8.");
        }
    }

    private static async Task<Read> FromJsonAsync(Stream body, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var entries = new List<ServicesApi.CheckRequest?>();
        await foreach (var entry in JsonSerializer.DeserializeAsyncEnumerable<ServicesApi.CheckRequest?>(body, options, cancellationToken))
        {
            entries.Add(entry);
            if (entries.Count > Limit) break;
        }
        return new Read(entries, null);
    }

    private static async Task<Read> FromCsvAsync(Stream body, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecords(text);
        var header = await csv.NextAsync(cancellationToken);
        if (header is null) return new Read(null, "The CSV is empty: it needs a header row naming its columns, then one row per check.");
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            var known = CsvColumns.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null) return new Read(null, $"Column {i + 1} of the header, '{Shorten(name)}', is not one of {string.Join(", ", CsvColumns)}.");
            if (!columns.TryAdd(known, i)) return new Read(null, $"The header names {known} twice.");
        }
        if (!columns.ContainsKey("category")) return new Read(null, "The header has no category column.");

        var entries = new List<ServicesApi.CheckRequest?>();
        while (await csv.NextAsync(cancellationToken) is { } row)
        {
            if (row.Count != header.Count) throw new CsvFormatException(csv.Line, $"{row.Count} fields where the header has {header.Count}");
            string? Field(string column) => columns.TryGetValue(column, out var i) && row[i].Trim() is { Length: > 0 } value ? value : null;
            entries.Add(new ServicesApi.CheckRequest(
                Field("nationalIdNumber"), Field("foreignerIdNumber"),
                Field("documentKind") is null && Field("documentNumber") is null ? null : new DocumentRequest(Field("documentKind"), Field("documentNumber")),
                Field("fullName"), Date(csv.Line, "dateOfBirth", Field("dateOfBirth")), Field("category"), Number(csv.Line, "windowDays", Field("windowDays")),
                Field("district"), Date(csv.Line, "on", Field("on"))));
            if (entries.Count > Limit) break;
        }
        return new Read(entries, null);
    }

    private static DateOnly? Date(int line, string column, string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new CsvFormatException(line, $"{column} is not a date (yyyy-MM-dd)");

    private static int? Number(int line, string column, string? value) =>
        value is null ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : throw new CsvFormatException(line, $"{column} is not a whole number");

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
