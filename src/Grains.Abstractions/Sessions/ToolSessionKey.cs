namespace Skriptoteket.Grains.Abstractions.Sessions;

/// <summary>
/// Whose session: a teacher's with a published tool, an author's sandbox session with one version, or the session of
/// one worked example's check, which takes the example's listed steps (docs/adr/0012-worked-examples.md).
/// </summary>
public enum SessionKind
{
    Production = 0,
    Sandbox = 1,
    ExampleCheck = 2,
}

/// <summary>
/// The key of a tool session grain: one per person and tool (production) or per person and version (sandbox), so
/// testing in the studio never touches a teacher's session; and one per example check, keyed by the check's first run
/// (which names its version and example), so a check never touches an author's or a teacher's session.
/// </summary>
public static class ToolSessionKey
{
    public static string Production(Guid toolId, Guid userId) => $"p/{toolId:N}/{userId:N}";

    public static string Sandbox(Guid versionId, Guid userId) => $"s/{versionId:N}/{userId:N}";

    public static string ExampleCheck(Guid checkRunId, Guid userId) => $"e/{checkRunId:N}/{userId:N}";

    /// <summary>Reads a key back (the subject: a tool, a version or a check's first run); null when it is not one.</summary>
    public static (SessionKind Kind, Guid Subject, Guid UserId)? Parse(string key)
    {
        var parts = key.Split('/');
        SessionKind? kind = parts[0] switch
        {
            "p" => SessionKind.Production,
            "s" => SessionKind.Sandbox,
            "e" => SessionKind.ExampleCheck,
            _ => null,
        };
        return parts.Length == 3 && kind is { } k
               && Guid.TryParseExact(parts[1], "N", out var subject) && Guid.TryParseExact(parts[2], "N", out var user)
            ? (k, subject, user)
            : null;
    }
}
