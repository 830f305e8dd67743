using Microsoft.AspNetCore.Http;
using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Web.Api;

/// <summary>Maps refused commands onto the API's error codes and HTTP status codes.</summary>
public static class ApiResults
{
    public static IResult Error(ErrorCode code, string message, object? details = null)
    {
        var (name, status) = code switch
        {
            ErrorCode.Validation => ("VALIDATION_ERROR", StatusCodes.Status400BadRequest),
            ErrorCode.NotFound => ("NOT_FOUND", StatusCodes.Status404NotFound),
            ErrorCode.Forbidden => ("FORBIDDEN", StatusCodes.Status403Forbidden),
            ErrorCode.Conflict => ("CONFLICT", StatusCodes.Status409Conflict),
            ErrorCode.Unauthenticated => ("UNAUTHENTICATED", StatusCodes.Status401Unauthorized),
            ErrorCode.Busy => ("BUSY", StatusCodes.Status503ServiceUnavailable),
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
        };
        return Results.Json(new ApiError(new ApiErrorBody(name, message, details)), statusCode: status);
    }

    public static IResult From(DomainException exception) => Error(exception.Code, exception.Message);
}
