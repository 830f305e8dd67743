using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Skriptoteket.Web.Api;

/// <summary>
/// The OpenAPI document describes the JSON API only: routes outside /api (the dashboard, the account forms,
/// the culture switch) are internal to the web pages and left out.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var path in document.Paths.Keys.Where(p => !p.StartsWith("/api/", StringComparison.Ordinal)).ToList())
        {
            document.Paths.Remove(path);
        }
        return Task.CompletedTask;
    }
}
