using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Silo.Health;

/// <summary>
/// Writes /healthz as JSON. Anyone sees the overall status and each dependency's status (what a load balancer
/// or a readiness probe needs); only a signed-in admin also sees descriptions, errors and data — versions, the
/// image tag, the silo, the installation id, lagging rows — which tell an attacker what to aim at.
/// </summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var details = context.User.ToActingUser()?.IsAtLeast(Role.Admin) == true;
        object body = details
            ? new
            {
                status = report.Status.ToString(),
                durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => (object)new
                    {
                        status = e.Value.Status.ToString(),
                        description = e.Value.Description,
                        error = e.Value.Exception?.Message,
                        data = e.Value.Data,
                    }),
            }
            : new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => (object)new { status = e.Value.Status.ToString() }),
            };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
