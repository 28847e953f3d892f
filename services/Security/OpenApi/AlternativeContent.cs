using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Security.OpenApi;

public static class AlternativeContent
{
    /// <summary>
    /// Declares that the 200 answer also comes as <paramref name="contentType"/> (a text body: CSV, an HTML
    /// page) beside the JSON schema of the typed result. Not <c>.Produces(200, contentType: ...)</c>: API
    /// Explorer keeps one response type per status code, so that would replace the JSON schema.
    /// </summary>
    public static RouteHandlerBuilder ProducesTextToo(this RouteHandlerBuilder builder, string contentType) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            return Task.CompletedTask;
        });

    /// <summary>Declares that the 200 answer also comes as a file of <paramref name="contentType"/> (a spreadsheet), beside the JSON schema.</summary>
    public static RouteHandlerBuilder ProducesFileToo(this RouteHandlerBuilder builder, string contentType) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
            return Task.CompletedTask;
        });
}
