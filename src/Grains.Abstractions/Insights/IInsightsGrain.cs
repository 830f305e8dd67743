using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Insights;

/// <summary>Tool insights read from the runs table (key 0; stateless). Who may see them: <c>InsightsAccess</c>.</summary>
[Alias("Skriptoteket.IInsightsGrain")]
public interface IInsightsGrain : IGrainWithIntegerKey
{
    /// <summary>One tool's figures; forbidden for those who may not see them, not found for an unknown tool.</summary>
    [Alias("ForTool")]
    Task<ToolInsights> ForToolAsync(ActingUser user, Guid toolId);

    /// <summary>Every tool's use and failures in the last 30 days (admins; others forbidden).</summary>
    [Alias("Overview")]
    Task<InsightsOverview> OverviewAsync(ActingUser user);
}
