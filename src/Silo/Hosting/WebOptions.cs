namespace Skriptoteket.Silo.Hosting;

/// <summary>
/// Settings section "Web": whether this node serves the front end (pages, API, dashboard). With
/// <see cref="Enabled"/> false the node is a silo only and answers /healthz, /readyz and (on
/// Telemetry:MetricsPort) /metrics, nothing else (docs/adr/0010-cluster-roles.md).
/// </summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    public bool Enabled { get; set; } = true;
}
