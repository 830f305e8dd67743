using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;

namespace Skriptoteket.Grains.Runs;

/// <summary>The settings a run gets (st.settings), read by the run grain before its job is queued.</summary>
internal sealed class RunSettings(IGrainFactory grains)
{
    /// <summary>
    /// The requester's settings for the tool, fitted to the version that runs: sandbox kinds use the author's sandbox
    /// settings, an example check the declared defaults (the same result whoever saves), and a version that declares
    /// no settings asks no grain.
    /// </summary>
    public async Task<string> ForAsync(RunRequest request, ToolVersionToRun version)
    {
        var declared = version.Inputs.SettingsFields;
        if (declared.Count == 0)
        {
            return "{}";
        }
        if (request.Kind == RunKind.ExampleCheck)
        {
            return SettingsFit.Of(declared, "{}").Values;
        }
        var key = ToolSettingsKey.For(version.ToolId, request.RequestedBy.UserId, request.Kind.RunsAsSandbox());
        return await grains.GetGrain<IToolSettingsGrain>(key).ForRunAsync(request.RequestedBy, version.VersionId);
    }
}
