using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Web.Tools;

/// <summary>
/// The one naming of version states ("VersionState.*" in Strings.*.resx), for every page that lists versions:
/// the versions page, the studio's history, "Mina utkast".
/// </summary>
public static class VersionLabels
{
    public static string StateKey(VersionState state) => $"VersionState.{state}";

    /// <summary>A draft somebody saved over (not the head any more) is named apart from the open draft.</summary>
    public static string StateKey(ToolVersionHeader version) =>
        version is { State: VersionState.Draft, IsHead: false } ? "VersionState.DraftSaved" : StateKey(version.State);

    public static string StateKey(string stored) => stored switch
    {
        "draft" => StateKey(VersionState.Draft),
        "in_review" => StateKey(VersionState.InReview),
        "active" => StateKey(VersionState.Active),
        "archived" => StateKey(VersionState.Archived),
        _ => stored,
    };
}
