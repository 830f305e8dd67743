using Microsoft.AspNetCore.Http;
using Skriptoteket.Grains.Abstractions.Errors;

namespace Skriptoteket.Web.Api;

/// <summary>Turns a DomainException thrown by a grain or service into the API's error body.</summary>
public sealed class DomainExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            return ApiResults.From(ex, context.HttpContext);
        }
    }
}
