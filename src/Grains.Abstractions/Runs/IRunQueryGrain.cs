using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>Lists of runs read from the runs table (key 0; stateless).</summary>
[Alias("Skriptoteket.IRunQueryGrain")]
public interface IRunQueryGrain : IGrainWithIntegerKey
{
    /// <summary>The acting user's own runs, newest first.</summary>
    [Alias("ListMine")]
    Task<IReadOnlyList<RunInfo>> ListMineAsync(ActingUser user, int limit);

    /// <summary>Sandbox runs of one tool, newest first: admins see everyone's, contributors their own.</summary>
    [Alias("ListSandbox")]
    Task<IReadOnlyList<RunInfo>> ListSandboxAsync(ActingUser user, Guid toolId, int limit);

    /// <summary>Every run, newest first (admins only; others get forbidden).</summary>
    [Alias("ListAll")]
    Task<IReadOnlyList<RunInfo>> ListAllAsync(ActingUser user, int limit);

    /// <summary>A page of the acting user's own runs (the filter's requester is ignored), newest first.</summary>
    [Alias("PageMine")]
    Task<RunPage> PageMineAsync(ActingUser user, RunFilter filter);

    /// <summary>A page of everyone's runs matching the filter (admins only; others get forbidden).</summary>
    [Alias("PageAll")]
    Task<RunPage> PageAllAsync(ActingUser user, RunFilter filter);

    /// <summary>The list line of one run the user may see (tool title, version number), or null.</summary>
    [Alias("Describe")]
    Task<RunRow?> DescribeAsync(ActingUser user, Guid runId);
}
