using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Skriptoteket.Silo.Health;

/// <summary>
/// Writes /readyz for load balancers and orchestrators: the overall state and each dependency's state, nothing
/// else (no versions, names or errors: anyone may ask).
/// </summary>
internal static class ReadinessResponseWriter
{
    /// <summary>Tag of the checks that decide readiness (PostgreSQL, membership, Docker on runner silos).</summary>
    public const string Tag = "ready";

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
