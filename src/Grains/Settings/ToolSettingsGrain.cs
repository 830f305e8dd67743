using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Persistence;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Settings;

/// <summary>
/// One person's settings for one tool (production) or their own sandbox settings for it (key: ToolSettingsKey).
/// Only that person reaches it; a production version must be the published tool's active one, a sandbox version
/// one the person may sandbox-run. The single writer of its state: values are checked by the field-value rules on
/// save, and values a newer declaration no longer fits are dropped and named once, by the label they were saved under
/// (SettingsFit).
/// </summary>
internal sealed class ToolSettingsGrain(
    [PersistentState("toolsettings", StorageNames.Store)] IPersistentState<ToolSettingsState> state,
    ToolVersionReader versions) : Grain, IToolSettingsGrain
{
    private const string ConflictMessage = "Inställningarna ändrades samtidigt någon annanstans. Ladda om sidan och försök igen.";

    public async Task<ToolSettingsInfo> GetAsync(ActingUser user, Guid versionId)
    {
        var declaration = await DeclarationAsync(user, versionId);
        var fit = await FitAsync(declaration);
        var dropped = state.State.Dropped;
        if (dropped.Count > 0)
        {
            // Told once: the page shows these names now, so they are not named again.
            await WriteAsync(state.State.ValuesJson, state.State.Labels, []);
        }
        return new ToolSettingsInfo(declaration, fit.Values, dropped);
    }

    public async Task<ToolSettingsInfo> SaveAsync(ActingUser user, Guid versionId, string valuesJson)
    {
        var declaration = await DeclarationAsync(user, versionId);
        var kept = SettingsFit.Check(declaration, valuesJson);
        await WriteAsync(kept, declaration.ToDictionary(s => s.Name, s => s.Label), []);
        return new ToolSettingsInfo(declaration, SettingsFit.Of(declaration, kept).Values, []);
    }

    public async Task<string> ForRunAsync(ActingUser user, Guid versionId)
    {
        var fit = await FitAsync(await DeclarationAsync(user, versionId));
        if (fit.Missing.Count > 0)
        {
            var labels = string.Join(", ", fit.Missing.Select(m => m.Values.FirstOrDefault() ?? m.Field));
            throw DomainException.Invalid($"Verktyget behöver dina inställningar: fyll i {labels} under Mina inställningar och spara.",
                "Settings.Missing", labels);
        }
        return fit.Values;
    }

    /// <summary>The saved values against the declaration; dropped ones leave storage now and wait to be told.</summary>
    private async Task<SettingsFit.Result> FitAsync(IReadOnlyList<InputField> declaration)
    {
        var fit = SettingsFit.Of(declaration, state.State.ValuesJson);
        if (fit.Dropped.Count > 0)
        {
            var labels = state.State.Labels;
            await WriteAsync(fit.Kept, labels, [.. state.State.Dropped.Union(fit.Dropped.Select(name => labels.GetValueOrDefault(name, name)))]);
        }
        return fit;
    }

    private Task WriteAsync(string valuesJson, Dictionary<string, string> labels, List<string> dropped) =>
        state.WriteOrRestoreAsync(new ToolSettingsState { ValuesJson = valuesJson, Labels = labels, Dropped = dropped }, ConflictMessage);

    /// <summary>The version's settings declaration, when the person may reach it; "not found" otherwise (nothing leaks).</summary>
    private async Task<IReadOnlyList<InputField>> DeclarationAsync(ActingUser user, Guid versionId)
    {
        var key = ToolSettingsKey.Parse(this.GetPrimaryKeyString());
        if (key is not var (sandbox, toolId, owner) || owner != user.UserId)
        {
            throw DomainException.NotFound("Inställningarna");
        }
        var version = await versions.FindVersionAsync(versionId);
        var reachable = version is not null && version.ToolId == toolId && (sandbox
            ? RunAccessPolicy.MaySandboxRun(user, version.CreatedBy, version.Maintainers)
            : await versions.IsPublishedActiveAsync(toolId, versionId));
        return reachable ? version!.Inputs.SettingsFields : throw DomainException.NotFound("Verktyget");
    }
}
