using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Errors;

namespace Skriptoteket.Web.Api;

/// <summary>
/// Holds the error contract for everything under /api, also where the framework answers by itself: a request
/// it cannot read (malformed JSON, a wrong type, a missing body), a route or method that does not exist, a body
/// too large, a URL too long, a wrong content type, and any unexpected exception (INTERNAL, with a correlation
/// id in the message and the log, never the exception's text). No /api answer of 400 or more has an empty body.
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            await next(http);
            return;
        }
        if (http.Request.Path.Value!.Length + http.Request.QueryString.Value!.Length > ApiLimits.MaxUrlLength)
        {
            await WriteAsync(http, StatusCodes.Status414UriTooLong, null);
            return;
        }
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            await WriteAsync(http, ex.StatusCode, FieldOf(ex));
            return;
        }
        catch (DomainException ex) when (!http.Response.HasStarted)
        {
            await ApiResults.From(ex, http).ExecuteAsync(http);
            return;
        }
        catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            // The id the host answers in X-Correlation-Id and puts on every log line of the request.
            var correlation = http.TraceIdentifier;
            logger.LogError(ex, "Unexpected error {CorrelationId} on {Method} {Path}", correlation, http.Request.Method, http.Request.Path);
            http.Response.Clear();
            await ApiResults.Internal(correlation, http).ExecuteAsync(http);
            return;
        }
        if (!http.Response.HasStarted && http.Response.StatusCode >= 400 && http.Response.ContentType is null)
        {
            await WriteAsync(http, http.Response.StatusCode, null);
        }
    }

    private static Task WriteAsync(HttpContext http, int status, object? details) =>
        ApiResults.ForStatus(status, http, details).ExecuteAsync(http);

    /// <summary>The JSON path the reader stopped at ("$.kind"), so a client sees which field was wrong.</summary>
    private static object? FieldOf(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { Path: { } path })
            {
                return new { field = path };
            }
        }
        return null;
    }
}
