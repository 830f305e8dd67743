using System.ComponentModel.DataAnnotations;

namespace Skriptoteket.Grains.Identity;

/// <summary>Sessions and login throttling (section "Identity"; environment Identity__SessionIdleMinutes etc.).</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>A session dies after this long without a request (sliding expiry).</summary>
    [Range(1, 60 * 24 * 30)] public int SessionIdleMinutes { get; set; } = 480;

    /// <summary>Failed logins (per account and per client address) within the window that lock further logins.</summary>
    [Range(1, 1000)] public int MaxFailedLogins { get; set; } = 5;

    [Range(1, 24 * 60)] public int FailureWindowMinutes { get; set; } = 15;

    [Range(1, 24 * 60)] public int LockoutMinutes { get; set; } = 15;
}
