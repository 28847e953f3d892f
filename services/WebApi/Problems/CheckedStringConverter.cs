using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.WebApi.Problems;

/// <summary>
/// Reads every JSON string of a request and refuses what PostgreSQL or a mail header cannot hold: a NUL
/// character, an unpaired surrogate (not text in any encoding), invalid UTF-8, and strings longer than
/// any field of the platform. Writing is unchanged.
/// </summary>
public sealed class CheckedStringConverter : JsonConverter<string>
{
    /// <summary>Longer than the longest text field (minutes, notes), so a field's own limit answers first.</summary>
    public const int MaxLength = 20_000;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"Expected a string, not {Describe(reader.TokenType)}.");
        return Checked(ref reader);
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Checked(ref Utf8JsonReader reader)
    {
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("The text is not valid UTF-8 or UTF-16 (an unpaired surrogate?).");
        }
        if (value.Length > MaxLength) throw new JsonException($"The text is longer than {MaxLength} characters.");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0') throw new JsonException("The text contains a NUL character.");
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) throw new JsonException("The text contains an unpaired surrogate.");
        }
        return value;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}
