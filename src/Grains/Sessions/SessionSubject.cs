using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Sessions;

/// <summary>
/// What a session key is about (<see cref="ToolSessionKey"/>): whose session with which tool (production), version
/// (sandbox) or example check (its first run). It decides who reaches the session, which runs belong to it and how a
/// step's run is requested.
/// </summary>
internal sealed class SessionSubject(string key, SessionKind kind, Guid subject, Guid userId, ToolVersionReader versions, IGrainFactory grains)
{
    public SessionKind Kind => kind;

    public Guid UserId => userId;

    /// <summary>The owner, as whom the grain reads its runs (the owner may see every run of their own).</summary>
    public ActingUser Owner => new(userId, Role.User);

    public static SessionSubject? Parse(string key, ToolVersionReader versions, IGrainFactory grains) =>
        ToolSessionKey.Parse(key) is var (kind, subject, user) ? new SessionSubject(key, kind, subject, user, versions, grains) : null;

    /// <summary>
    /// Only the owner reaches a session; a sandbox session also needs the right to run its version, an example check's
    /// session the right to run the version of the check's first run (an example-check run of the owner's). Anyone
    /// else: not found.
    /// </summary>
    public async Task<bool> MayReachAsync(ActingUser user) =>
        user.UserId == userId && kind switch
        {
            SessionKind.Sandbox => await MaySandboxRunAsync(user, subject),
            SessionKind.ExampleCheck => await CheckRunAsync(user) is { } run && await MaySandboxRunAsync(user, run.VersionId),
            _ => true,
        };

    /// <summary>A run of this session's owner and tool (production), version (sandbox) or check (its first run and its steps).</summary>
    public bool Owns(RunInfo run) => run.RequestedBy == userId && kind switch
    {
        SessionKind.Production => run.Kind == RunKind.Production && run.ToolId == subject,
        SessionKind.Sandbox => run.Kind == RunKind.Sandbox && run.VersionId == subject,
        _ => run.Kind == RunKind.ExampleCheck && (run.StepName is null ? run.RunId == subject : run.SessionKey == key),
    };

    /// <summary>
    /// A teacher's step runs the tool's active version; an author's the sandbox version (or the editor's text); an
    /// example check's the version of its first run (<paramref name="versionId"/>, the session's) as an example-check run.
    /// </summary>
    public async Task<RunRequest> StepRunAsync(ActingUser user, StepRequest request, string values, Guid versionId)
    {
        switch (kind)
        {
            case SessionKind.Production:
                var slug = await versions.FindSlugAsync(subject) ?? throw DomainException.NotFound("Verktyget");
                return RunRequest.Production(slug, user, [], values);
            case SessionKind.Sandbox:
                return new RunRequest(RunKind.Sandbox, subject, null, user, [], request.SnapshotSource, request.SnapshotEntrypoint, values);
            default:
                return RunRequest.ExampleCheck(versionId, user, [], values);
        }
    }

    private async Task<bool> MaySandboxRunAsync(ActingUser user, Guid versionId) =>
        await versions.FindVersionAsync(versionId) is { } version && RunAccessPolicy.MaySandboxRun(user, version.CreatedBy, version.Maintainers);

    /// <summary>The check's first run, when it is an example-check run of the owner's.</summary>
    private async Task<RunInfo?> CheckRunAsync(ActingUser user)
    {
        try
        {
            var run = await grains.GetGrain<IRunGrain>(subject).GetAsync(user);
            return run.Kind == RunKind.ExampleCheck && run.RequestedBy == userId ? run : null;
        }
        catch (DomainException)
        {
            return null;
        }
    }
}
