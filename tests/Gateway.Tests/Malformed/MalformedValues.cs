using System.Text;
using System.Text.Json;

namespace Platform.Gateway.Tests.Malformed;

/// <summary>A request body and what it tries.</summary>
public sealed record MalformedBody(string What, byte[] Bytes)
{
    public static MalformedBody Text(string what, string json) => new(what, Encoding.UTF8.GetBytes(json));
}

/// <summary>
/// The malformed requests every write operation must refuse with 400 before anything is written: bodies
/// that are not JSON, JSON of the wrong type, and for each field of the request (and of its nested
/// objects) a wrong type, an overflowing number, an impossible date, NUL, an unpaired surrogate, invalid
/// UTF-8 and a string longer than any field.
/// </summary>
public static class MalformedValues
{
    /// <summary>Bodies that are not a JSON object; an empty body and <c>null</c> only where the body is required.</summary>
    public static IEnumerable<MalformedBody> Unreadable(bool bodyRequired)
    {
        if (bodyRequired)
        {
            yield return MalformedBody.Text("an empty body", "");
            yield return MalformedBody.Text("null", "null");
        }
        yield return MalformedBody.Text("an array", "[]");
        yield return MalformedBody.Text("a string", "\"text\"");
        yield return MalformedBody.Text("a number", "123");
        yield return MalformedBody.Text("a boolean", "true");
        yield return MalformedBody.Text("truncated JSON", "{\"a\":");
        yield return MalformedBody.Text("not JSON", "name=value");
        yield return MalformedBody.Text("5,000 nested arrays", new string('[', 5000) + new string(']', 5000));
        yield return MalformedBody.Text("5,000 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000));
    }

    /// <summary>For each field (two levels deep), bodies that hold one bad value there and nothing else.</summary>
    public static IEnumerable<MalformedBody> PerField(OpenApiOperations document, JsonElement bodySchema)
    {
        foreach (var property in document.PropertiesOf(bodySchema))
        {
            foreach (var (what, value) in BadValues(property.Schema))
                yield return Body($"{property.Name}: {what}", property.Name, value);
            if (OpenApiOperations.KindOf(property.Schema) == ValueKind.String)
                yield return new MalformedBody($"{property.Name}: invalid UTF-8",
                    [.. System.Text.Encoding.UTF8.GetBytes($"{{{JsonSerializer.Serialize(property.Name)}:\"a"), 0xC3, 0x28, (byte)'"', (byte)'}']);

            // One level down: an object field, or the first item of an array of objects.
            var kind = OpenApiOperations.KindOf(property.Schema);
            var nested = kind == ValueKind.Array ? document.ItemsOf(property.Schema) : kind == ValueKind.Object ? property.Schema : default;
            if (nested.ValueKind != JsonValueKind.Object) continue;
            foreach (var inner in document.PropertiesOf(nested))
            foreach (var (what, value) in BadValues(inner.Schema))
            {
                var innerObject = $"{{{JsonSerializer.Serialize(inner.Name)}:{value}}}";
                yield return Body($"{property.Name}.{inner.Name}: {what}", property.Name, kind == ValueKind.Array ? $"[{innerObject}]" : innerObject);
            }
        }
    }

    private static MalformedBody Body(string what, string field, string rawValue) =>
        MalformedBody.Text(what, $"{{{JsonSerializer.Serialize(field)}:{rawValue}}}");

    /// <summary>Raw JSON values that no field of this schema may accept.</summary>
    private static IEnumerable<(string What, string Json)> BadValues(JsonElement schema)
    {
        switch (OpenApiOperations.KindOf(schema))
        {
            case ValueKind.String:
                yield return ("a number for a string", "123");
                yield return ("an object for a string", "{\"x\":1}");
                yield return ("a NUL character", "\"a\\u0000b\"");
                yield return ("an unpaired surrogate", "\"a\\ud800b\"");
                yield return ("30,000 characters", $"\"{new string('x', 30_000)}\"");
                switch (OpenApiOperations.FormatOf(schema))
                {
                    case "date": yield return ("an impossible date", "\"2031-02-30\""); break;
                    case "date-time": yield return ("an impossible date", "\"2031-02-30T10:00:00+03:00\""); break;
                    case "uuid": yield return ("not a GUID", "\"not-a-guid\""); break;
                }
                break;
            case ValueKind.Integer:
                yield return ("2^63", "9223372036854775808");
                yield return ("1e309", "1e309");
                yield return ("a fraction for a whole number", "1.5");
                yield return ("text for a number", "\"abc\"");
                break;
            case ValueKind.Number:
                yield return ("1e309", "1e309");
                yield return ("text for a number", "\"abc\"");
                break;
            case ValueKind.Boolean:
                yield return ("text for a boolean", "\"maybe\"");
                break;
            case ValueKind.Array:
                yield return ("a string for an array", "\"abc\"");
                break;
            case ValueKind.Object:
                yield return ("a string for an object", "\"abc\"");
                break;
        }
    }

    /// <summary>Query and path values that are not of the parameter's type, or out of the range it allows.</summary>
    public static IEnumerable<(string What, string Value)> BadParameterValues(OperationParameter parameter)
    {
        switch (OpenApiOperations.KindOf(parameter.Schema))
        {
            case ValueKind.Integer:
                yield return ("text for a number", "abc");
                yield return ("2^63", "9223372036854775808");
                if (parameter.Name == "page") yield return ("a negative page", "-1");
                if (parameter.Name == "pageSize") yield return ("100,000 a page", "100000");
                break;
            case ValueKind.Number:
                yield return ("text for a number", "abc");
                break;
            case ValueKind.Boolean:
                yield return ("text for a boolean", "maybe");
                break;
            case ValueKind.String:
                switch (OpenApiOperations.FormatOf(parameter.Schema))
                {
                    case "date": yield return ("not a date", "abc"); yield return ("an impossible date", "2031-02-30"); break;
                    case "date-time": yield return ("not a date", "abc"); yield return ("an impossible date", "2031-02-30T10:00:00+03:00"); break;
                    case "uuid": yield return ("not a GUID", "not-a-guid"); break;
                }
                break;
        }
    }
}
