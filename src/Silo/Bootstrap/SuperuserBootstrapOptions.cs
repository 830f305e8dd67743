namespace Skriptoteket.Silo.Bootstrap;

/// <summary>
/// The first superuser, created on start when none exists (environment SKRIPTOTEKET_SUPERUSER_EMAIL /
/// SKRIPTOTEKET_SUPERUSER_PASSWORD, or section "Bootstrap").
/// </summary>
public sealed class SuperuserBootstrapOptions
{
    public const string Section = "Bootstrap";

    public string Email { get; set; } = "admin@skriptoteket.local";

    /// <summary>Empty: a password is generated and printed once on the console, never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Shown in the top bar and in lists; Swedish like the rest of the interface.</summary>
    public string DisplayName { get; set; } = "Superanvändare";

    public const int MinimumPasswordLength = 12;
}
