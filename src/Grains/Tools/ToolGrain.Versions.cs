using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Tools;

/// <summary>
/// The version lifecycle of SPEC §5, drafting side: every record is appended, only state and stamps change.
/// Review and publishing transitions are in ToolGrain.Review.cs.
/// </summary>
internal sealed partial class ToolGrain
{
    public async Task<ToolVersionHeader> CreateDraftAsync(ActingUser actor, Guid? derivedFrom)
    {
        EnsureVisible(actor);
        if (!ToolPermissions.CanAuthor(actor))
        {
            throw DomainException.Forbidden();
        }
        var origin = derivedFrom is { } id ? VisibleVersion(actor, id) : null;
        var source = origin is null ? StarterScript.Source : await SourceOfAsync(origin);
        var next = state.State.Clone();
        var draft = Append(next, source, origin?.Entrypoint ?? StarterScript.Entrypoint, origin?.Id,
            origin is null ? "Startskript" : $"Utkast från version {origin.Number}", VersionState.Draft, actor.UserId, origin?.Inputs);
        await CommitAsync(next, actor, "tool.version.draft_created", Details(draft));
        return draft;
    }

    public async Task<ToolVersionHeader> CreateDraftWithAsync(ActingUser actor, DraftContent content)
    {
        EnsureVisible(actor);
        if (!ToolPermissions.CanAuthor(actor))
        {
            throw DomainException.Forbidden();
        }
        var (source, entrypoint, changeSummary, inputs) = Checked(content.Source, content.Entrypoint, content.ChangeSummary,
            content.Inputs, StarterScript.Entrypoint, null);
        var next = state.State.Clone();
        var draft = Append(next, source, entrypoint, null, changeSummary, VersionState.Draft, actor.UserId, inputs);
        await CommitAsync(next, actor, "tool.version.draft_created", Details(draft));
        return draft;
    }

    public async Task<ToolVersion> GetVersionAsync(ActingUser actor, Guid versionId)
    {
        EnsureVisible(actor);
        var header = VisibleVersion(actor, versionId);
        return new ToolVersion(header, await SourceOfAsync(header));
    }

    public async Task<ToolVersionHeader> SaveAsync(ActingUser actor, SaveVersionCommand command)
    {
        EnsureVisible(actor);
        var baseVersion = VisibleVersion(actor, command.BaseVersionId);
        EnsureMayChange(actor, baseVersion);
        VersionTransitions.EnsureCanSave(baseVersion);
        var (source, entrypoint, changeSummary, inputs) = Checked(command.Source, command.Entrypoint, command.ChangeSummary,
            command.Inputs, baseVersion.Entrypoint, baseVersion.Inputs);
        var next = state.State.Clone();
        next.Replace(baseVersion with { IsHead = false });
        var saved = Append(next, source, entrypoint, baseVersion.Id, changeSummary,
            VersionState.Draft, actor.UserId, inputs);
        await CommitAsync(next, actor, "tool.version.saved", Details(saved));
        // The tool's examples run against the new version in the background; the base's pending checks are dropped.
        await QueueExampleChecksAsync(actor, saved.Id, baseVersion.Id, onlyMissing: false);
        return saved;
    }

    public async Task<ToolVersion> GetActiveVersionAsync(ActingUser actor)
    {
        EnsureVisible(actor);
        // Source is for the version's author and admins only (SPEC §1), like every other version.
        var header = state.State.ActiveVersionId is { } activeId
            ? VisibleVersion(actor, activeId)
            : throw DomainException.NotFound("Versionen");
        return new ToolVersion(header, await SourceOfAsync(header));
    }

    /// <summary>
    /// A new record's content as a save checks it: an empty entrypoint keeps <paramref name="entrypoint"/>, no
    /// declaration keeps <paramref name="inputs"/> (fields and files are part of the version like its source).
    /// </summary>
    private static (string Source, string Entrypoint, string ChangeSummary, ToolInputs? Inputs) Checked(
        string source, string? newEntrypoint, string? changeSummary, ToolInputs? newInputs, string entrypoint, ToolInputs? inputs)
    {
        var checkedEntrypoint = string.IsNullOrWhiteSpace(newEntrypoint)
            ? entrypoint
            : TextRules.Required(newEntrypoint, "Startfunktionen", TextLimits.Entrypoint);
        return (TextRules.Exact(source, "Skriptet", TextLimits.Source), ScriptEntrypoint.Checked(checkedEntrypoint),
            TextRules.Optional(changeSummary, "Ändringssammanfattningen", TextLimits.ChangeSummary),
            newInputs is null ? inputs : ToolInputRules.Validate(newInputs));
    }

    /// <summary>Appends a record with the next number (never reused: LastNumber only grows, with the state).</summary>
    private ToolVersionHeader Append(ToolState next, string source, string entrypoint, Guid? derivedFrom,
        string changeSummary, VersionState versionState, Guid createdBy, ToolInputs? inputs)
    {
        next.LastNumber++;
        var header = new ToolVersionHeader(Guid.NewGuid(), ToolId, next.LastNumber, versionState, derivedFrom, entrypoint,
            ContentHash.Of(source, entrypoint, inputs), changeSummary, null, createdBy, time.GetUtcNow(),
            null, null, null, null, IsHead: versionState == VersionState.Draft, inputs);
        next.Versions.Add(header);
        next.PendingSources[header.Id] = source;
        return header;
    }

    private ToolVersionHeader VisibleVersion(ActingUser actor, Guid versionId) =>
        state.State.Find(versionId) is { } v && ToolPermissions.CanSeeVersion(actor, v, state.State.MaintainerIds())
            ? v
            : throw DomainException.NotFound("Versionen");

    private void EnsureMayChange(ActingUser actor, ToolVersionHeader version)
    {
        if (!ToolPermissions.CanChangeDraft(actor, version, state.State.MaintainerIds()))
        {
            throw DomainException.Forbidden();
        }
    }

    private async Task<string> SourceOfAsync(ToolVersionHeader version) =>
        state.State.PendingSources.TryGetValue(version.Id, out var pending)
            ? pending
            : await projection.ReadSourceAsync(version.Id)
              ?? throw new InvalidOperationException($"Source of version {version.Id} is missing from tool_versions.");

    private static string? Note(string? note) => TextRules.OptionalOrNull(note, "Granskningsanteckningen", TextLimits.ReviewNote);

    private static Dictionary<string, object?> Details(ToolVersionHeader version, Guid? from = null) => new()
    {
        ["version_id"] = version.Id,
        ["number"] = version.Number,
        ["state"] = ToolProjection.StateName(version.State),
        ["from_version_id"] = from,
    };
}
