using System.Text.Json;

namespace Platform.Gateway.Tests.Malformed;

/// <summary>The kind of value a schema asks for, as far as a malformed request needs to know.</summary>
public enum ValueKind { String, Integer, Number, Boolean, Array, Object, Any }

/// <summary>One property of a request body: its name and schema (references already followed).</summary>
public sealed record BodyProperty(string Name, JsonElement Schema);

/// <summary>One query or path parameter of an operation.</summary>
public sealed record OperationParameter(string Name, string In, JsonElement Schema);

/// <summary>One operation of a service's OpenAPI document, as a test walks it.</summary>
/// <param name="FormBody">The schema of a multipart/form-data body (an operation that takes files), if the operation has one.</param>
public sealed record Operation(string Service, string Method, string Path, IReadOnlyList<OperationParameter> Parameters, JsonElement? JsonBody, bool BodyRequired, JsonElement? FormBody = null)
{
    public bool IsWrite => Method is "POST" or "PUT" or "PATCH";

    public override string ToString() => $"{Method} {Path} ({Service})";
}

/// <summary>
/// Reads the operations out of an OpenAPI 3.1 document as ASP.NET Core writes it, following
/// <c>$ref</c>s into <c>components/schemas</c>, so tests can cover every route the day it is added.
/// </summary>
public sealed class OpenApiOperations(string service, JsonElement document)
{
    private readonly JsonElement _schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var schemas)
        ? schemas : default;

    public IEnumerable<Operation> All()
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var method in path.Value.EnumerateObject())
        {
            if (method.Name is "parameters" or "summary" or "description") continue;
            var operation = method.Value;
            var parameters = new List<OperationParameter>();
            if (operation.TryGetProperty("parameters", out var list))
                foreach (var parameter in list.EnumerateArray())
                {
                    var resolved = Resolve(parameter);
                    parameters.Add(new OperationParameter(resolved.GetProperty("name").GetString()!, resolved.GetProperty("in").GetString()!,
                        resolved.TryGetProperty("schema", out var schema) ? Resolve(schema) : default));
                }
            JsonElement? body = null, form = null;
            var bodyRequired = false;
            if (operation.TryGetProperty("requestBody", out var requestBody) && Resolve(requestBody).TryGetProperty("content", out var content))
            {
                if (content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var bodySchema))
                {
                    body = Resolve(bodySchema);
                    bodyRequired = Resolve(requestBody).TryGetProperty("required", out var required) && required.GetBoolean();
                }
                if (content.TryGetProperty("multipart/form-data", out var multipart) && multipart.TryGetProperty("schema", out var formSchema))
                    form = Resolve(formSchema);
            }
            yield return new Operation(service, method.Name.ToUpperInvariant(), path.Name, parameters, body, bodyRequired, form);
        }
    }

    /// <summary>The properties of an object schema, each with its schema resolved.</summary>
    public IReadOnlyList<BodyProperty> PropertiesOf(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties)) return [];
        return properties.EnumerateObject().Select(p => new BodyProperty(p.Name, Resolve(p.Value))).ToList();
    }

    /// <summary>The schema of an array's items, resolved.</summary>
    public JsonElement ItemsOf(JsonElement schema) =>
        Resolve(schema).TryGetProperty("items", out var items) ? Resolve(items) : default;

    public static ValueKind KindOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type)) return ValueKind.Any;
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        // Numbers may also be read from strings (type [integer, string]): the number is what counts.
        if (types.Contains("integer")) return ValueKind.Integer;
        if (types.Contains("number")) return ValueKind.Number;
        if (types.Contains("boolean")) return ValueKind.Boolean;
        if (types.Contains("array")) return ValueKind.Array;
        if (types.Contains("object")) return ValueKind.Object;
        if (types.Contains("string")) return ValueKind.String;
        return ValueKind.Any;
    }

    public static string? FormatOf(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    /// <summary>Follows <c>$ref</c> (and a one-of-with-null wrapper) to the schema itself.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; hops < 10 && schema.ValueKind == JsonValueKind.Object; hops++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                schema = _schemas.GetProperty(name);
                continue;
            }
            if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
            {
                var concrete = oneOf.EnumerateArray().FirstOrDefault(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                if (concrete.ValueKind == JsonValueKind.Object) { schema = concrete; continue; }
            }
            break;
        }
        return schema;
    }
}
