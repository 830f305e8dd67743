using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Web.Identity;

/// <summary>Which navigation entries a role may use (the same hierarchy as the pages' policies).</summary>
public static class NavigationPolicy
{
    /// <summary>All entries in menu order; Key is the localization key of the label, MinimumRole null means everyone.</summary>
    public static IReadOnlyList<NavigationItem> All { get; } =
    [
        new("/", "Nav.Home", null),
        new("/my-runs", "Nav.MyRuns", Role.User),
        new("/account", "Nav.MyAccount", Role.User),
        new("/suggestions/new", "Nav.SuggestTool", Role.Contributor),
        new("/suggestions/mine", "Nav.MySuggestions", Role.Contributor),
        new("/my-drafts", "Nav.MyDrafts", Role.Contributor),
        // Every contributor, maintainer or not: the menu follows the role alone (no query per page), and the page
        // itself says how one becomes a tool's maintainer.
        new("/my-tools", "Nav.MyTools", Role.Contributor),
        new("/admin/suggestions", "Nav.ReviewSuggestions", Role.Admin),
        new("/admin/tools", "Nav.Tools", Role.Admin),
        new("/admin/runs", "Nav.Runs", Role.Admin),
        new("/admin/insights", "Nav.Insights", Role.Admin),
        new("/admin/users", "Nav.Users", Role.Admin),
        // Orleans' own page, not ours: no menu and no way back, hence a new tab.
        new("/dashboard", "Nav.Dashboard", Role.Admin, LeavesApp: true),
        new("/admin/nominations", "Nav.Nominations", Role.Superuser),
        new("/admin/audit", "Nav.Audit", Role.Superuser),
    ];

    public static IReadOnlyList<NavigationItem> For(Role? role) =>
        All.Where(i => i.MinimumRole is null || (role is { } r && r >= i.MinimumRole)).ToList();
}
