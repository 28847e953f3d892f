using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;
using Platform.Security.Authentication;

namespace Platform.Security.OpenApi;

public static class PartnerOpenApi
{
    public const string SchemeName = "partner";

    /// <summary>RFC 9457 problem details, for the answers the document adds to every operation.</summary>
    private static readonly OpenApiSchema ProblemSchema = new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        },
    };

    /// <summary>
    /// The service's OpenAPI document as partners see it through the gateway: the gateway as server,
    /// the client-credentials flow with this service's scopes, and on each operation the scope it needs.
    /// </summary>
    public static IHostApplicationBuilder AddPartnerOpenApi(this IHostApplicationBuilder builder, string service, string title)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                var settings = context.ApplicationServices.GetRequiredService<AuthenticationSettings>();
                document.Info.Title = title;
                document.Servers = [new OpenApiServer { Url = settings.Authority.TrimEnd('/'), Description = "The platform gateway" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "OAuth 2.0 client credentials issued by the gateway to registered partner systems.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = settings.TokenEndpoint,
                            Scopes = PartnerScopes.Of(service).ToDictionary(scope => scope, scope => PartnerScopes.Descriptions[scope]),
                        },
                    },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
                var scopes = metadata.OfType<IAuthorizeData>()
                    .Select(a => a.Policy)
                    .Where(policy => policy is not null && PartnerScopes.Descriptions.ContainsKey(policy))
                    .Select(policy => policy!)
                    .Distinct()
                    .ToList();
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = scopes,
                });
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid access token" });
                operation.Responses.TryAdd("403", new OpenApiResponse
                {
                    Description = "The token lacks the scope, or the partner may not act in that district",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = ProblemSchema } },
                });
                return Task.CompletedTask;
            });
            // Request strings are read by a converter of our own (it refuses NUL and unpaired surrogates), and
            // the schema exporter describes a type with a custom converter as "anything": say what it is.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type != typeof(string)) return Task.CompletedTask;
                var nullable = context.JsonPropertyInfo is { } property && (property.IsGetNullable || property.IsSetNullable);
                schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                return Task.CompletedTask;
            });
        });
        return builder;
    }
}
