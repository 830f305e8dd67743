using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Skriptoteket.Grains.Abstractions;
using Skriptoteket.Grains.Runs;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Silo.Observability;

/// <summary>
/// Logs as JSON on the console with a correlation id per request, OpenTelemetry metrics behind /metrics
/// (admins, or a loopback port), and traces to OTLP when configured (docs/operations.md).
/// </summary>
internal static class ObservabilityExtensions
{
    private static readonly string[] OrleansTraceSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static TelemetryOptions GetTelemetryOptions(this IConfiguration configuration) =>
        configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

    public static WebApplicationBuilder AddSkriptoteketObservability(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Configuration.GetTelemetryOptions();

        // JSON unless the operator chose another console format (Logging:Console:FormatterName).
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Json);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true; // CorrelationId, RunId and ToolId arrive as scopes
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("skriptoteket"))
            .WithMetrics(m => m
                .AddMeter(RunMetrics.MeterName, "Microsoft.Orleans")
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
        {
            var endpoint = new Uri(telemetry.OtlpEndpoint);
            otel.WithTracing(t => t
                .AddSource(RunMetrics.MeterName)
                .AddSource(OrleansTraceSources)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = endpoint));
        }
        return builder;
    }

    /// <summary>Gives every request a correlation id: response header, log scope, and Orleans request context.</summary>
    public static WebApplication UseSkriptoteketCorrelation(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Skriptoteket.Requests");
        app.Use(async (http, next) =>
        {
            var id = http.TraceIdentifier;
            http.Response.Headers[Correlation.Header] = id;
            RequestContext.Set(Correlation.RequestContextKey, id);
            using (logger.BeginScope("Request {CorrelationId}", id))
            {
                await next(http);
            }
        });
        return app;
    }

    /// <summary>
    /// /metrics in Prometheus text format: for admins on the main port, or only on the loopback metrics port.
    /// A node without the web front end has no sign-in, so it serves metrics only on the metrics port.
    /// </summary>
    public static WebApplication MapSkriptoteketMetrics(this WebApplication app, bool webEnabled)
    {
        if (app.Configuration.GetTelemetryOptions().MetricsPort is { } port)
        {
            // The local port, not the Host header: a caller on the main port cannot claim to be on this one.
            app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
                http.Connection.LocalPort == port && http.Request.Path == "/metrics");
        }
        else if (webEnabled)
        {
            app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Policies.Admin);
        }
        else
        {
            app.Logger.LogWarning("This node serves no web front end and Telemetry:MetricsPort is unset: /metrics is not served");
        }
        return app;
    }
}
