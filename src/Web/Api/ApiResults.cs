using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Skriptoteket.Web.Localization;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Web.Api;

/// <summary>Maps refused commands onto the API's error codes and HTTP status codes.</summary>
public static class ApiResults
{
    public static IResult Error(ErrorCode code, string message, object? details = null) =>
        Results.Json(Body(code, message, details), statusCode: StatusOf(code));

    /// <summary>A refusal the API itself words: the text "Api.{key}" from the resources, in the caller's language.</summary>
    public static IResult Refuse(HttpContext http, ErrorCode code, string key, params object[] arguments) =>
        Error(code, LocalizerOf(http)["Api." + key, arguments]);

    /// <summary>The body of such a refusal, for callers that set the status themselves.</summary>
    public static ApiError RefusalBody(HttpContext http, string code, string key, params object[] arguments) =>
        new(new ApiErrorBody(code, LocalizerOf(http)["Api." + key, arguments]));

    public static ApiError Body(ErrorCode code, string message, object? details = null) =>
        new(new ApiErrorBody(NameOf(code), message, details));

    private static string NameOf(ErrorCode code) => Map(code).Name;

    private static int StatusOf(ErrorCode code) => Map(code).Status;

    private static (string Name, int Status) Map(ErrorCode code) => code switch
    {
        ErrorCode.Validation => ("VALIDATION_ERROR", StatusCodes.Status400BadRequest),
        ErrorCode.NotFound => ("NOT_FOUND", StatusCodes.Status404NotFound),
        ErrorCode.Forbidden => ("FORBIDDEN", StatusCodes.Status403Forbidden),
        ErrorCode.Conflict => ("CONFLICT", StatusCodes.Status409Conflict),
        ErrorCode.Unauthenticated => ("UNAUTHENTICATED", StatusCodes.Status401Unauthorized),
        ErrorCode.Busy => ("BUSY", StatusCodes.Status503ServiceUnavailable),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>
    /// A refusal in the request's language (the culture cookie or ?culture=en; Swedish by default): English from the
    /// error's key, as the pages show it (ErrorText). The code and the details' field names never change.
    /// </summary>
    public static IResult From(DomainException exception, HttpContext http)
    {
        var localizer = LocalizerOf(http);
        return Error(exception.Code, ErrorText.For(localizer, exception), DetailsOf(exception, localizer));
    }

    /// <summary>
    /// The texts of the caller's language. The request localization runs first in the pipeline (UseSkriptoteketWeb),
    /// so the current culture is already the caller's, also for what the framework refuses before routing.
    /// </summary>
    private static IStringLocalizer LocalizerOf(HttpContext http) =>
        http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();

    /// <summary>
    /// Refused field values name their fields: details.field is the first ("fields.klass"), details.fields every
    /// field's own message (FieldValueRules) in the request's language.
    /// </summary>
    private static object? DetailsOf(DomainException exception, IStringLocalizer localizer)
    {
        var problems = FieldValueRules.ProblemsOf(exception);
        if (problems.Count == 0)
        {
            return null;
        }
        var fields = problems.GroupBy(p => p.Field.Length == 0 ? "fields" : $"fields.{p.Field}").ToDictionary(g => g.Key, g => ErrorText.For(localizer, g.First()));
        return new { field = fields.Keys.First(), fields };
    }

    /// <summary>An unexpected failure: no exception text, only an id to find the log entry by.</summary>
    public static IResult Internal(string correlationId, HttpContext http) => Results.Json(
        new ApiError(new ApiErrorBody("INTERNAL", LocalizerOf(http)["Api.Internal", correlationId], new { correlationId })),
        statusCode: StatusCodes.Status500InternalServerError);

    /// <summary>
    /// The error body for an answer the framework gives by itself (no route, wrong method, unreadable body), in the
    /// caller's language ("Api.Status.{status}"); the code is the same in every language.
    /// </summary>
    public static IResult ForStatus(int status, HttpContext http, object? details = null)
    {
        var code = status switch
        {
            StatusCodes.Status400BadRequest => "VALIDATION_ERROR",
            StatusCodes.Status401Unauthorized => "UNAUTHENTICATED",
            StatusCodes.Status403Forbidden => "FORBIDDEN",
            StatusCodes.Status404NotFound => "NOT_FOUND",
            StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
            StatusCodes.Status408RequestTimeout => "REQUEST_TIMEOUT",
            StatusCodes.Status409Conflict => "CONFLICT",
            StatusCodes.Status413PayloadTooLarge => "PAYLOAD_TOO_LARGE",
            StatusCodes.Status414UriTooLong => "URI_TOO_LONG",
            StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
            StatusCodes.Status429TooManyRequests => "TOO_MANY_REQUESTS",
            StatusCodes.Status431RequestHeaderFieldsTooLarge => "HEADERS_TOO_LARGE",
            StatusCodes.Status503ServiceUnavailable => "BUSY",
            >= 500 => "INTERNAL",
            _ => "REQUEST_REFUSED",
        };
        var key = code switch
        {
            "INTERNAL" => "Api.Status.5xx",
            "REQUEST_REFUSED" => "Api.Status.Other",
            _ => $"Api.Status.{status}",
        };
        // Only the too-long address names a number: the limit the middleware checks.
        string message = LocalizerOf(http)[key, ApiLimits.MaxUrlLength];
        return Results.Json(new ApiError(new ApiErrorBody(code, message, details)), statusCode: status);
    }
}
