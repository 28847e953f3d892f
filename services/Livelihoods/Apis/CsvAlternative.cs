using Microsoft.OpenApi;

namespace Platform.Livelihoods.Apis;

/// <summary>
/// The figures' <c>?format=csv</c> alternative in the OpenAPI document: the 200 answer is JSON (its schema
/// from the typed result) or <c>text/csv</c>. Not <c>.Produces(200, contentType: "text/csv")</c>: API
/// Explorer keeps one response type per status code, so that would replace the JSON schema instead of adding to it.
/// </summary>
public static class CsvAlternative
{
    public static RouteHandlerBuilder ProducesCsvToo(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            return Task.CompletedTask;
        });
}
