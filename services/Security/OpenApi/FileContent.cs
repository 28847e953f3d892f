using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Security.OpenApi;

/// <summary>How an operation that takes or gives a file says so in the OpenAPI document.</summary>
public static class FileContent
{
    /// <summary>
    /// Declares a required multipart/form-data body with one binary property, <paramref name="field"/>. Not
    /// <c>.Accepts&lt;T&gt;("multipart/form-data")</c>: that also makes routing refuse other media types with
    /// a bare 415 before the handler could say what it reads; the handler reads the form itself.
    /// </summary>
    public static RouteHandlerBuilder AcceptsFile(this RouteHandlerBuilder builder, string field, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { field },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                [field] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = description },
                            },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>Declares the 200 answer as the bytes of a file of one of <paramref name="contentTypes"/>.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, IEnumerable<string> contentTypes) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= new OpenApiResponses();
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "OK",
                Content = contentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
            };
            return Task.CompletedTask;
        });
}
