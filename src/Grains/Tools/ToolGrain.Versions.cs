using System.Text.RegularExpressions;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Grains.Tools;

/// <summary>The version lifecycle of SPEC §5: every record is appended, only state and stamps change.</summary>
internal sealed partial class ToolGrain
{
    private const int MaxSourceLength = 1_000_000;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,99}$")]
    private static partial Regex EntrypointFormat();

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
            origin is null ? "Startskript" : $"Utkast från version {origin.Number}", VersionState.Draft, actor.UserId);
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
        var entrypoint = string.IsNullOrWhiteSpace(command.Entrypoint) ? baseVersion.Entrypoint : command.Entrypoint.Trim();
        if (!EntrypointFormat().IsMatch(entrypoint))
        {
            throw DomainException.Invalid("Startfunktionen måste vara ett giltigt Python-namn.");
        }
        if (command.Source.Length > MaxSourceLength)
        {
            throw DomainException.Invalid("Skriptet är för stort (högst 1 000 000 tecken).");
        }
        var next = state.State.Clone();
        next.Replace(baseVersion with { IsHead = false });
        var saved = Append(next, command.Source, entrypoint, baseVersion.Id, command.ChangeSummary?.Trim() ?? "",
            VersionState.Draft, actor.UserId);
        await CommitAsync(next, actor, "tool.version.saved", Details(saved));
        return saved;
    }

    public async Task<ToolVersionHeader> SubmitForReviewAsync(ActingUser actor, Guid versionId, string? reviewNote)
    {
        EnsureVisible(actor);
        var version = VisibleVersion(actor, versionId);
        EnsureMayChange(actor, version);
        VersionTransitions.EnsureCanSubmit(version);
        var next = state.State.Clone();
        var submitted = version with { State = VersionState.InReview, IsHead = false, ReviewNote = Note(reviewNote) };
        next.Replace(submitted);
        await CommitAsync(next, actor, "tool.version.submitted", Details(submitted));
        return submitted;
    }

    public async Task<ToolVersionHeader> RequestChangesAsync(ActingUser actor, Guid versionId, string? reviewNote)
    {
        EnsureVisible(actor);
        var reviewed = VisibleVersion(actor, versionId);
        EnsureManager(actor);
        VersionTransitions.EnsureInReview(reviewed);
        var now = time.GetUtcNow();
        var next = state.State.Clone();
        next.Replace(reviewed with
        {
            State = VersionState.Archived,
            ReviewNote = Note(reviewNote) ?? reviewed.ReviewNote,
            ReviewedBy = actor.UserId,
            ReviewedAt = now,
        });
        // The new draft stays the author's, so that a contributor can go on with it.
        var draft = Append(next, await SourceOfAsync(reviewed), reviewed.Entrypoint, reviewed.Id,
            $"Ändringar begärda för version {reviewed.Number}", VersionState.Draft, reviewed.CreatedBy);
        await CommitAsync(next, actor, "tool.version.changes_requested", Details(draft, reviewed.Id));
        return draft;
    }

    public async Task<ToolVersionHeader> PublishVersionAsync(ActingUser actor, Guid versionId)
    {
        EnsureVisible(actor);
        var reviewed = VisibleVersion(actor, versionId);
        EnsureManager(actor);
        if (!ToolPermissions.CanPublishVersion(actor, reviewed, options.Value.RequireFourEyes))
        {
            throw DomainException.Forbidden("Fyraögonsprincipen gäller: en annan administratör måste publicera din version.");
        }
        VersionTransitions.EnsureInReview(reviewed);
        var now = time.GetUtcNow();
        var next = state.State.Clone();
        ArchiveActive(next);
        next.Replace(reviewed with { State = VersionState.Archived, ReviewedBy = actor.UserId, ReviewedAt = now });
        var active = Append(next, await SourceOfAsync(reviewed), reviewed.Entrypoint, reviewed.Id, reviewed.ChangeSummary,
            VersionState.Active, reviewed.CreatedBy) with
        {
            ReviewNote = reviewed.ReviewNote,
            ReviewedBy = actor.UserId,
            ReviewedAt = now,
            PublishedBy = actor.UserId,
            PublishedAt = now,
        };
        next.Replace(active);
        next.ActiveVersionId = active.Id;
        await CommitAsync(next, actor, "tool.version.published", Details(active, reviewed.Id));
        return active;
    }

    public async Task<ToolVersionHeader> RollbackAsync(ActingUser actor, Guid versionId)
    {
        EnsureVisible(actor);
        var target = VisibleVersion(actor, versionId);
        if (!ToolPermissions.CanRollback(actor))
        {
            throw DomainException.Forbidden("Bara superanvändare kan rulla tillbaka ett verktyg.");
        }
        VersionTransitions.EnsureCanRollbackTo(target);
        var now = time.GetUtcNow();
        var next = state.State.Clone();
        ArchiveActive(next);
        var active = Append(next, await SourceOfAsync(target), target.Entrypoint, target.Id,
            $"Återställd från version {target.Number}", VersionState.Active, actor.UserId) with
        {
            PublishedBy = actor.UserId,
            PublishedAt = now,
        };
        next.Replace(active);
        next.ActiveVersionId = active.Id;
        await CommitAsync(next, actor, "tool.rolled_back", Details(active, target.Id));
        return active;
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

    /// <summary>Appends a record with the next number (never reused: LastNumber only grows, with the state).</summary>
    private ToolVersionHeader Append(ToolState next, string source, string entrypoint, Guid? derivedFrom,
        string changeSummary, VersionState versionState, Guid createdBy)
    {
        next.LastNumber++;
        var header = new ToolVersionHeader(Guid.NewGuid(), ToolId, next.LastNumber, versionState, derivedFrom, entrypoint,
            ContentHash.Of(source, entrypoint), changeSummary, null, createdBy, time.GetUtcNow(),
            null, null, null, null, IsHead: versionState == VersionState.Draft);
        next.Versions.Add(header);
        next.PendingSources[header.Id] = source;
        return header;
    }

    private static void ArchiveActive(ToolState next)
    {
        if (next.ActiveVersionId is { } id)
        {
            next.Replace(next.Find(id)! with { State = VersionState.Archived });
        }
    }

    private ToolVersionHeader VisibleVersion(ActingUser actor, Guid versionId) =>
        state.State.Find(versionId) is { } v && ToolPermissions.CanSeeVersion(actor, v)
            ? v
            : throw DomainException.NotFound("Versionen");

    private static void EnsureMayChange(ActingUser actor, ToolVersionHeader version)
    {
        if (!ToolPermissions.CanChangeDraft(actor, version))
        {
            throw DomainException.Forbidden();
        }
    }

    private async Task<string> SourceOfAsync(ToolVersionHeader version) =>
        state.State.PendingSources.TryGetValue(version.Id, out var pending)
            ? pending
            : await projection.ReadSourceAsync(version.Id)
              ?? throw new InvalidOperationException($"Source of version {version.Id} is missing from tool_versions.");

    private static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static Dictionary<string, object?> Details(ToolVersionHeader version, Guid? from = null) => new()
    {
        ["version_id"] = version.Id,
        ["number"] = version.Number,
        ["state"] = ToolProjection.StateName(version.State),
        ["from_version_id"] = from,
    };
}
