namespace Skriptoteket.Silo.Observability;

/// <summary>Settings section "Telemetry": where metrics are served and whether traces are exported (docs/operations.md).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Unset (default): <c>/metrics</c> is served on the main port to signed-in admins only. Set: <c>/metrics</c> is
    /// served without sign-in only on <c>127.0.0.1:&lt;port&gt;</c> (for a Prometheus agent on the same machine),
    /// and the main port refuses it.
    /// </summary>
    public int? MetricsPort { get; set; }

    /// <summary>OTLP endpoint for traces (for example http://127.0.0.1:4317); unset = no traces are collected.</summary>
    public string? OtlpEndpoint { get; set; }
}
