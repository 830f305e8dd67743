namespace Skriptoteket.Grains.Abstractions.Sessions;

/// <summary>
/// The one limits contract of interactive tools (docs/adr/0016-tool-sessions.md), read by the session grain, the
/// API, the pages and sent to the runner (the state and step caps), so each refuses the same thing with the same
/// Swedish message and key ("Session.*"). Bound from the settings section "Sessions".
/// </summary>
public sealed class SessionLimits
{
    public const string Section = "Sessions";

    /// <summary>Largest state a script may keep (its JSON in UTF-8 bytes).</summary>
    public const int MaxStateBytes = 64 * 1024;

    /// <summary>Most steps one session may take after its opening run.</summary>
    public const int MaxStepsPerSession = 50;

    /// <summary>Most follow-up steps one run may offer.</summary>
    public const int MaxNextSteps = 10;

    /// <summary>Most files a session keeps for its later steps (uploads and files the script keeps).</summary>
    public const int MaxSessionFiles = 20;

    /// <summary>How long an idle session and its files are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
