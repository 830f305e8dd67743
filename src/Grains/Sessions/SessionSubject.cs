using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Sessions;

/// <summary>
/// What a session key is about (<see cref="ToolSessionKey"/>): whose session with which tool (production) or version
/// (sandbox). It decides who reaches the session, which runs belong to it and how a step's run is requested.
/// </summary>
internal sealed class SessionSubject(SessionKind kind, Guid subject, Guid userId, ToolVersionReader versions)
{
    public SessionKind Kind => kind;

    public Guid UserId => userId;

    /// <summary>The owner, as whom the grain reads its runs (the owner may see every run of their own).</summary>
    public ActingUser Owner => new(userId, Role.User);

    public static SessionSubject? Parse(string key, ToolVersionReader versions) =>
        ToolSessionKey.Parse(key) is var (kind, subject, user) ? new SessionSubject(kind, subject, user, versions) : null;

    /// <summary>Only the owner reaches a session; a sandbox session also needs the right to run its version. Anyone else: not found.</summary>
    public async Task<bool> MayReachAsync(ActingUser user) =>
        user.UserId == userId
        && (kind != SessionKind.Sandbox
            || (await versions.FindVersionAsync(subject) is { } version
                && RunAccessPolicy.MaySandboxRun(user, version.CreatedBy, version.Maintainers)));

    /// <summary>A run of this session's owner and tool (production) or version (sandbox).</summary>
    public bool Owns(RunInfo run) => run.RequestedBy == userId && (kind == SessionKind.Production
        ? run.Kind == RunKind.Production && run.ToolId == subject
        : run.Kind == RunKind.Sandbox && run.VersionId == subject);

    /// <summary>A teacher's step runs the tool's active version; an author's the sandbox version (or the editor's text).</summary>
    public async Task<RunRequest> StepRunAsync(ActingUser user, StepRequest request, string values)
    {
        if (kind == SessionKind.Production)
        {
            var slug = await versions.FindSlugAsync(subject) ?? throw DomainException.NotFound("Verktyget");
            return RunRequest.Production(slug, user, [], values);
        }
        return new RunRequest(RunKind.Sandbox, subject, null, user, [], request.SnapshotSource, request.SnapshotEntrypoint, values);
    }
}
