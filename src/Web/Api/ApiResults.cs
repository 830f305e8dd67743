using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
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
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture is { } culture)
        {
            // The localization middleware set the culture inside the pipeline; this runs outside it, after the fact.
            CultureInfo.CurrentUICulture = culture;
        }
        var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        return Error(exception.Code, ErrorText.For(localizer, exception), DetailsOf(exception, localizer));
    }

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
    public static IResult Internal(string correlationId) => Results.Json(
        new ApiError(new ApiErrorBody("INTERNAL",
            $"Något gick fel hos oss. Försök igen om en stund; om felet består, ange felkod {correlationId}.",
            new { correlationId })),
        statusCode: StatusCodes.Status500InternalServerError);

    /// <summary>The error body for an answer the framework gives by itself (no route, wrong method, unreadable body).</summary>
    public static IResult ForStatus(int status, object? details = null)
    {
        var (code, message) = status switch
        {
            StatusCodes.Status400BadRequest => ("VALIDATION_ERROR",
                "Begäran kunde inte läsas: kontrollera att kroppen är giltig JSON med rätt fält och typer."),
            StatusCodes.Status401Unauthorized => ("UNAUTHENTICATED", "Du måste logga in."),
            StatusCodes.Status403Forbidden => ("FORBIDDEN", "Du har inte behörighet till detta."),
            StatusCodes.Status404NotFound => ("NOT_FOUND", "Det finns ingenting på den här adressen i API:t."),
            StatusCodes.Status405MethodNotAllowed => ("METHOD_NOT_ALLOWED", "Adressen finns men tar inte emot den här metoden."),
            StatusCodes.Status408RequestTimeout => ("REQUEST_TIMEOUT", "Begäran tog för lång tid att ta emot."),
            StatusCodes.Status409Conflict => ("CONFLICT", "Begäran krockar med en annan ändring."),
            StatusCodes.Status413PayloadTooLarge => ("PAYLOAD_TOO_LARGE", "Begäran är för stor."),
            StatusCodes.Status414UriTooLong => ("URI_TOO_LONG",
                $"Adressen är för lång (högst {ApiLimits.MaxUrlLength} tecken inklusive frågan)."),
            StatusCodes.Status415UnsupportedMediaType => ("UNSUPPORTED_MEDIA_TYPE",
                "Fel innehållstyp: skicka JSON med Content-Type: application/json."),
            StatusCodes.Status429TooManyRequests => ("TOO_MANY_REQUESTS", "För många försök. Vänta en stund."),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => ("HEADERS_TOO_LARGE", "Begärans rubriker är för stora."),
            StatusCodes.Status503ServiceUnavailable => ("BUSY", "Tjänsten är upptagen just nu. Försök igen om en stund."),
            >= 500 => ("INTERNAL", "Något gick fel hos oss. Försök igen om en stund."),
            _ => ("REQUEST_REFUSED", "Begäran avvisades."),
        };
        return Results.Json(new ApiError(new ApiErrorBody(code, message, details)), statusCode: status);
    }
}
