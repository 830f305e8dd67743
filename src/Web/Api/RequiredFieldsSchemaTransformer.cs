using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Skriptoteket.Web.Api;

/// <summary>
/// Marks every property whose type is not nullable as required, as the API's validation treats it: a request
/// without it, or with null, is refused with VALIDATION_ERROR. Nullable properties stay optional.
/// </summary>
internal sealed class RequiredFieldsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || schema.Properties is null)
        {
            return Task.CompletedTask;
        }
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (!property.IsSetNullable && !property.IsGetNullable && schema.Properties.ContainsKey(property.Name))
            {
                schema.Required ??= new HashSet<string>();
                schema.Required.Add(property.Name);
            }
        }
        return Task.CompletedTask;
    }
}
