using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Web.Identity;

/// <summary>
/// One navigation entry: where it goes, its label's localization key, the least role that sees it, and whether
/// it leaves the app (opened in a new tab, so the app stays open where it was).
/// </summary>
public sealed record NavigationItem(string Href, string LabelKey, Role? MinimumRole, bool LeavesApp = false);
