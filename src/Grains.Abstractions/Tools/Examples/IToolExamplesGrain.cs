using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Abstractions.Tools.Examples;

/// <summary>
/// The worked examples of one tool (key: tool id) and their checks against its versions
/// (docs/adr/0012-worked-examples.md). Admins manage examples; anyone who may run the tool may list and try
/// them. The tool grain queues checks on save and submit and reads them when a version is published.
/// </summary>
[Alias("Skriptoteket.IToolExamplesGrain")]
public interface IToolExamplesGrain : IGrainWithGuidKey
{
    /// <summary>The tool's examples, by name; NOT_FOUND when the actor may not see the tool.</summary>
    [Alias("List")]
    Task<IReadOnlyList<ToolExample>> ListAsync(ActingUser actor);

    /// <summary>Admin+: adds an example; values and files are checked against the tool's newest version.</summary>
    [Alias("Add")]
    Task<ToolExample> AddAsync(ActingUser actor, NewExample example);

    [Alias("Rename")]
    Task<ToolExample> RenameAsync(ActingUser actor, Guid exampleId, string name);

    [Alias("Delete")]
    Task DeleteAsync(ActingUser actor, Guid exampleId);

    /// <summary>
    /// Admin+: the normalized output of a finished, successful run of this example (one of its checks, or a
    /// "Kör exempel") becomes the expected result; any other run is refused (VALIDATION).
    /// </summary>
    [Alias("AcceptResult")]
    Task<ToolExample> AcceptResultAsync(ActingUser actor, Guid exampleId, Guid runId);

    /// <summary>Each example's check against a version (contributors and above who may see the tool).</summary>
    [Alias("ListChecks")]
    Task<IReadOnlyList<ExampleCheck>> ListChecksAsync(ActingUser actor, Guid versionId);

    /// <summary>
    /// Runs the example against the tool's active version as a normal production run of <paramref name="actor"/>
    /// (shown in "Mina körningar"); the run grain checks who may run the tool. A repeat with the same
    /// <paramref name="startKey"/> gets the same run (<see cref="RunStartKey"/>).
    /// </summary>
    [Alias("Try")]
    Task<RunInfo> TryAsync(ActingUser actor, Guid exampleId, string? startKey = null);

    /// <summary>
    /// Runs the example against a version the actor may sandbox-run (the studio's "Kör exempel"): an example-check
    /// run that becomes the example's check against that version, so that its result can be accepted as expected.
    /// </summary>
    [Alias("RunInSandbox")]
    Task<RunInfo> RunInSandboxAsync(ActingUser actor, Guid exampleId, Guid versionId);

    /// <summary>
    /// Tool grain only: queues every example (or, with <paramref name="onlyMissing"/>, those without a check) to
    /// run against the version in the background, on behalf of <paramref name="actor"/>; pending checks of
    /// <paramref name="supersedes"/> (the version saved over) are dropped.
    /// </summary>
    [Alias("QueueChecks")]
    Task QueueChecksAsync(ActingUser actor, Guid versionId, Guid? supersedes, bool onlyMissing);

    /// <summary>
    /// Tells <paramref name="observer"/> of every change to the checks (those who may list them); re-subscribe
    /// periodically, the subscription expires.
    /// </summary>
    [Alias("SubscribeChecks")]
    Task SubscribeChecksAsync(ActingUser actor, IExampleChecksObserver observer);

    [Alias("UnsubscribeChecks")]
    Task UnsubscribeChecksAsync(IExampleChecksObserver observer);

    /// <summary>Tool grain only: the checks of a version as they stand, without a permission check.</summary>
    [Alias("ChecksForPublish")]
    Task<IReadOnlyList<ExampleCheck>> ChecksForPublishAsync(Guid versionId);
}
