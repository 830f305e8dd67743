using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Skriptoteket.Web.Api;

/// <summary>
/// States which properties are required the way the API's validation treats them: every property whose type
/// is not nullable, and nullable ones marked [Required] (present in every request, e.g. a decision's kind). A
/// request without a required property, or with null for it, is refused with VALIDATION_ERROR.
/// </summary>
internal sealed class RequiredFieldsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || schema.Properties is null || schema.Properties.Count == 0)
        {
            return Task.CompletedTask;
        }
        var required = new HashSet<string>();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            var marked = property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;
            if ((marked || (!property.IsSetNullable && !property.IsGetNullable)) && schema.Properties.ContainsKey(property.Name))
            {
                required.Add(property.Name);
            }
        }
        schema.Required = required;
        return Task.CompletedTask;
    }
}
