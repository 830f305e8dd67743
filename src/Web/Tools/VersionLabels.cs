using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Web.Tools;

/// <summary>Labels of version states: Swedish strings, and resource keys ("VersionState.*") for pages that translate.</summary>
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

    public static string State(VersionState state) => state switch
    {
        VersionState.Draft => "Utkast",
        VersionState.InReview => "Granskas",
        VersionState.Active => "Aktiv",
        VersionState.Archived => "Arkiverad",
        _ => state.ToString(),
    };

    public static string State(string stored) => stored switch
    {
        "draft" => State(VersionState.Draft),
        "in_review" => State(VersionState.InReview),
        "active" => State(VersionState.Active),
        "archived" => State(VersionState.Archived),
        _ => stored,
    };
}
