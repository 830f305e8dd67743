using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Tools;

/// <summary>The studio's way to the tool, script-check and run grains, with the circuit's acting user.</summary>
public sealed class StudioService(
    IGrainFactory grains, CurrentUser currentUser, IOptions<ToolsOptions> tools, IOptions<RunLimits> runLimits,
    IOptions<UploadLimits> uploads, RunStarter starter)
{
    private IToolGrain Tool(Guid id) => grains.GetGrain<IToolGrain>(id);

    public Task<ActingUser> GetActorAsync() => currentUser.GetAsync();

    /// <summary>Tools:RequireFourEyes, from the same <see cref="ToolsOptions"/> the tool grain enforces it with.</summary>
    public bool RequireFourEyes => tools.Value.RequireFourEyes;

    /// <summary>
    /// The limits a sandbox run gets: the <see cref="RunLimits"/> the run grain and the container use, and the
    /// largest file from the one upload limits class (Uploads:MaxFileBytes) that the page, the API and the grains check.
    /// </summary>
    public SandboxLimits Limits => new(
        runLimits.Value.SandboxTimeoutSeconds, runLimits.Value.MemoryBytes, runLimits.Value.NanoCpus, uploads.Value.MaxFileBytes);

    public async Task<IReadOnlyList<ScriptProblem>> CheckAsync(string source, string entrypoint) =>
        await grains.GetGrain<IScriptCheckGrain>(0).CheckAsync(await currentUser.GetAsync(), source, entrypoint);

    public async Task<ToolVersionHeader> SaveAsync(Guid toolId, SaveVersionCommand command) =>
        await Tool(toolId).SaveAsync(await currentUser.GetAsync(), command);

    public async Task<ToolVersionHeader> SubmitAsync(Guid toolId, Guid versionId, string? note) =>
        await Tool(toolId).SubmitForReviewAsync(await currentUser.GetAsync(), versionId, note);

    /// <summary>A sandbox run of a stored version, or of unsaved text on behalf of the version it was opened on.</summary>
    public async Task<RunInfo> StartSandboxAsync(Guid versionId, IReadOnlyList<RunInputFile> inputs, string? source, string? entrypoint,
        string? fieldValuesJson, string startKey)
    {
        var user = await currentUser.GetAsync();
        var request = source is null
            ? RunRequest.Sandbox(versionId, user, inputs, fieldValuesJson)
            : RunRequest.SandboxSnapshot(versionId, user, inputs, source, entrypoint ?? "", fieldValuesJson);
        return await starter.StartAsync(request with { StartKey = startKey });
    }

    public async Task<IReadOnlyList<RunInfo>> ListSandboxRunsAsync(Guid toolId, int limit) =>
        await grains.GetGrain<IRunQueryGrain>(0).ListSandboxAsync(await currentUser.GetAsync(), toolId, limit);
}

/// <summary>What a sandbox run may use, shown beside its result.</summary>
public sealed record SandboxLimits(int TimeoutSeconds, long MemoryBytes, long NanoCpus, long MaxUploadBytes);
