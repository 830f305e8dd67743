namespace Skriptoteket.Grains.Abstractions.Sessions;

/// <summary>Whose session: a teacher's with a published tool, or an author's sandbox session with one version.</summary>
public enum SessionKind
{
    Production = 0,
    Sandbox = 1,
}

/// <summary>
/// The key of a tool session grain: one per person and tool (production) or per person and version (sandbox), so
/// testing in the studio never touches a teacher's session.
/// </summary>
public static class ToolSessionKey
{
    public static string Production(Guid toolId, Guid userId) => $"p/{toolId:N}/{userId:N}";

    public static string Sandbox(Guid versionId, Guid userId) => $"s/{versionId:N}/{userId:N}";

    /// <summary>Reads a key back; null when it is not one.</summary>
    public static (SessionKind Kind, Guid Subject, Guid UserId)? Parse(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 3 && parts[0] is "p" or "s"
               && Guid.TryParseExact(parts[1], "N", out var subject) && Guid.TryParseExact(parts[2], "N", out var user)
            ? (parts[0] == "p" ? SessionKind.Production : SessionKind.Sandbox, subject, user)
            : null;
    }
}
