using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Grains.Tools;

/// <summary>The review side of SPEC §5: submit, request changes, publish a version, roll back.</summary>
internal sealed partial class ToolGrain
{
    public async Task<ToolVersionHeader> SubmitForReviewAsync(ActingUser actor, Guid versionId, string? reviewNote)
    {
        EnsureVisible(actor);
        var version = VisibleVersion(actor, versionId);
        EnsureMayChange(actor, version);
        VersionTransitions.EnsureCanSubmit(version);
        // A draft may hold errors (work in progress); a version sent to review may not (SPEC §5, issue 10).
        var problems = await GrainFactory.GetGrain<IScriptCheckGrain>(0)
            .CheckAsync(actor, await SourceOfAsync(version), version.Entrypoint);
        if (problems.Count > 0)
        {
            throw DomainException.Invalid(
                $"Skriptet har fel (rad {problems[0].Line}) och kan inte lämnas in för granskning. Rätta felet och spara först.",
                "Tool.ScriptHasErrors", problems[0].Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var next = state.State.Clone();
        var submitted = version with { State = VersionState.InReview, IsHead = false, ReviewNote = Note(reviewNote) };
        next.Replace(submitted);
        await CommitAsync(next, actor, "tool.version.submitted", Details(submitted));
        // Examples added since the last save (or never checked against this version) run now.
        await QueueExampleChecksAsync(actor, submitted.Id, null, onlyMissing: true);
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
        // The reviewer's note is kept apart: the author's submit note and change summary stay as the author wrote them.
        next.Replace(reviewed with
        {
            State = VersionState.Archived,
            ChangesRequested = Note(reviewNote),
            ReviewedBy = actor.UserId,
            ReviewedAt = now,
        });
        // The new draft stays the author's, so that a contributor can go on with it; publishing it later shows
        // the author's change summary, not a label of the review.
        var draft = Append(next, await SourceOfAsync(reviewed), reviewed.Entrypoint, reviewed.Id,
            reviewed.ChangeSummary, VersionState.Draft, reviewed.CreatedBy, reviewed.Inputs);
        await CommitAsync(next, actor, "tool.version.changes_requested", Details(draft, reviewed.Id));
        return draft;
    }

    public async Task<ToolVersionHeader> PublishVersionAsync(ActingUser actor, Guid versionId, string? examplesNote = null)
    {
        EnsureVisible(actor);
        var reviewed = VisibleVersion(actor, versionId);
        EnsureManager(actor);
        if (!ToolPermissions.CanPublishVersion(actor, reviewed, options.Value.RequireFourEyes))
        {
            throw DomainException.Forbidden("Fyraögonsprincipen gäller: en annan administratör måste publicera din version.", "Tool.FourEyes");
        }
        VersionTransitions.EnsureInReview(reviewed);
        var examples = await ExampleChecksForPublishAsync(reviewed.Id, examplesNote);
        var now = time.GetUtcNow();
        var next = state.State.Clone();
        ArchiveActive(next);
        next.Replace(reviewed with { State = VersionState.Archived, ReviewedBy = actor.UserId, ReviewedAt = now });
        var active = Append(next, await SourceOfAsync(reviewed), reviewed.Entrypoint, reviewed.Id, reviewed.ChangeSummary,
            VersionState.Active, reviewed.CreatedBy, reviewed.Inputs) with
        {
            ReviewNote = reviewed.ReviewNote,
            ReviewedBy = actor.UserId,
            ReviewedAt = now,
            PublishedBy = actor.UserId,
            PublishedAt = now,
        };
        next.Replace(active);
        next.ActiveVersionId = active.Id;
        var details = Details(active, reviewed.Id);
        details["examples"] = examples.Statuses;
        details["examples_note"] = examples.Note;
        await CommitAsync(next, actor, "tool.version.published", details);
        return active;
    }

    public async Task<ToolVersionHeader> RollbackAsync(ActingUser actor, Guid versionId)
    {
        EnsureVisible(actor);
        var target = VisibleVersion(actor, versionId);
        if (!ToolPermissions.CanRollback(actor))
        {
            throw DomainException.Forbidden("Bara superanvändare kan rulla tillbaka ett verktyg.", "Tool.RollbackSuperuser");
        }
        VersionTransitions.EnsureCanRollbackTo(target);
        var now = time.GetUtcNow();
        var next = state.State.Clone();
        ArchiveActive(next);
        var active = Append(next, await SourceOfAsync(target), target.Entrypoint, target.Id,
            $"Återställd från version {target.Number}", VersionState.Active, actor.UserId, target.Inputs) with
        {
            PublishedBy = actor.UserId,
            PublishedAt = now,
        };
        next.Replace(active);
        next.ActiveVersionId = active.Id;
        await CommitAsync(next, actor, "tool.rolled_back", Details(active, target.Id));
        return active;
    }

    private static void ArchiveActive(ToolState next)
    {
        if (next.ActiveVersionId is { } id)
        {
            next.Replace(next.Find(id)! with { State = VersionState.Archived });
        }
    }
}
