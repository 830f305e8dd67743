using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Web.Tools;

/// <summary>Resource keys ("VersionState.*") of version states, for pages in either language.</summary>
public static class VersionLabels
{
    public static string StateKey(VersionState state) => $"VersionState.{state}";

    public static string StateKey(string stored) => stored switch
    {
        "draft" => StateKey(VersionState.Draft),
        "in_review" => StateKey(VersionState.InReview),
        "active" => StateKey(VersionState.Active),
        "archived" => StateKey(VersionState.Archived),
        _ => stored,
    };
}
