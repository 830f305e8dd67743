using System.ComponentModel.DataAnnotations;

namespace Skriptoteket.Silo.Hosting;

/// <summary>How this process joins the Orleans cluster (section "Orleans").</summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Orleans";

    /// <summary>Silos with the same ClusterId in the same database form one cluster.</summary>
    [Required] public string ClusterId { get; set; } = "skriptoteket";

    /// <summary>Stable across deployments: grain state and reminders are keyed by it.</summary>
    [Required] public string ServiceId { get; set; } = "skriptoteket";

    /// <summary>Address other silos use to reach this one.</summary>
    [Required] public string AdvertisedAddress { get; set; } = "127.0.0.1";

    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    /// <summary>Defaults to the machine name plus the silo port.</summary>
    public string? SiloName { get; set; }

    /// <summary>Map the Orleans dashboard at /dashboard.</summary>
    public bool Dashboard { get; set; } = true;
}
