using Orleans.Concurrency;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Insights;

namespace Skriptoteket.Grains.Insights;

[StatelessWorker]
internal sealed class InsightsGrain(InsightsQueries queries, InsightsAccess access, TimeProvider time) : Grain, IInsightsGrain
{
    public async Task<ToolInsights> ForToolAsync(ActingUser user, Guid toolId)
    {
        // The permission first: whoever may not see insights learns nothing, not even whether the tool exists.
        if (!await access.MaySeeToolAsync(user, toolId))
        {
            throw DomainException.Forbidden();
        }
        return await queries.ForToolAsync(toolId) ?? throw DomainException.NotFound("Verktyget");
    }

    public Task<InsightsOverview> OverviewAsync(ActingUser user) =>
        access.MaySeeOverview(user)
            ? queries.OverviewAsync(time.GetUtcNow().AddDays(-InsightsLimits.OverviewDays))
            : throw DomainException.Forbidden();
}
