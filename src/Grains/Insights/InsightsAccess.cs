using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Insights;

/// <summary>
/// The one rule of who may see tool insights, including the authors' most frequent messages (the script's text,
/// which may echo a name from an uploaded file). Admins and superusers today; a tool's maintainers join here.
/// </summary>
internal sealed class InsightsAccess
{
    public ValueTask<bool> MaySeeToolAsync(ActingUser user, Guid toolId) => ValueTask.FromResult(user.IsAtLeast(Role.Admin));

    public bool MaySeeOverview(ActingUser user) => user.IsAtLeast(Role.Admin);
}
