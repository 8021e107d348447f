using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ConnectUi.HostApi;

/// <summary>Declares the API key in the OpenAPI document, so generated clients send it with every call.</summary>
internal sealed class HostApiKeyDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "HostApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A host API key whose SHA-256 hash is in ConnectUi:HostApiKeys. X-Api-Key: <key> works too.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
