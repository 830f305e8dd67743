using System.ComponentModel.DataAnnotations;

namespace Skriptoteket.Grains.Identity;

/// <summary>Sessions and login throttling (section "Identity"; environment Identity__SessionIdleMinutes etc.).</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>A session dies after this long without a request (sliding expiry).</summary>
    [Range(1, 60 * 24 * 30)] public int SessionIdleMinutes { get; set; } = 480;

    /// <summary>A session dies this long after login however active it is (absolute lifetime; default a school day).</summary>
    [Range(1, 60 * 24 * 30)] public int SessionAbsoluteMinutes { get; set; } = 600;

    /// <summary>Failed logins on one account within the window that lock that account's logins.</summary>
    [Range(1, 1000)] public int MaxFailedLogins { get; set; } = 5;

    /// <summary>
    /// Failed logins from one client address within the window that lock logins from that address. Much higher
    /// than the per-account number: a whole school may share one address (NAT), and a few people's typos must
    /// never lock it; a password spray from one address is slowed to this many guesses per window.
    /// </summary>
    [Range(1, 100_000)] public int MaxFailedLoginsPerAddress { get; set; } = 100;

    [Range(1, 24 * 60)] public int FailureWindowMinutes { get; set; } = 15;

    [Range(1, 24 * 60)] public int LockoutMinutes { get; set; } = 15;
}
