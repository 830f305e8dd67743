using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Web.Tools;

/// <summary>Swedish labels of version states.</summary>
public static class VersionLabels
{
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
