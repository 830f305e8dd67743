using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Web.Identity;

/// <summary>One navigation entry: where it goes, its label's localization key, the least role that sees it.</summary>
public sealed record NavigationItem(string Href, string LabelKey, Role? MinimumRole);
