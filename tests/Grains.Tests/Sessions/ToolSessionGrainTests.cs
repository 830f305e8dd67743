using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Retention;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Tests.Sessions;

/// <summary>
/// The tool session grain on the real cluster (docs/adr/0016-tool-sessions.md): one writer per session, stale and
/// forged steps refused with nothing started, limits, files removed when the session ends, is cleared or expires,
/// and nobody but the owner reaches it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ToolSessionGrainTests(ClusterFixture fixture)
{
    private readonly SessionKit kit = new(fixture);

    [Fact]
    public async Task An_opening_run_that_offers_steps_opens_the_session_with_its_steps_state_and_files()
    {
        var opened = await kit.OpenAsync(files: 2);

        var session = await opened.Grain(fixture.Grains).GetAsync(opened.Teacher);

        Assert.True(session.IsOpen);
        Assert.Equal([opened.OpenerId], session.RunIds);
        Assert.False(session.StepRunning);
        Assert.Equal(["valj_storlek"], session.NextSteps.Select(s => s.Name));
        Assert.Equal(3, session.StepsTotal);
        Assert.Equal(["klass0.csv", "klass1.csv"], session.Files.Select(f => f.Name).Order());
        Assert.Equal(opened.ToolId, session.ToolId);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM tool_sessions WHERE key = '{opened.Key}'"));
    }

    [Fact]
    public async Task Concurrent_steps_from_one_view_start_exactly_one_run_and_refuse_the_others_as_stale()
    {
        var opened = await kit.OpenAsync();
        var grain = opened.Grain(fixture.Grains);

        var attempts = Enumerable.Range(0, 6).Select(_ => Attempt(() => grain.TakeStepAsync(opened.Teacher, SessionKit.Step(opened.OpenerId)))).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o.Error is null);
        Assert.All(outcomes.Where(o => o.Error is not null), o =>
        {
            Assert.Equal(ErrorCode.Conflict, o.Error!.Code);
            Assert.Equal("Session.Stale", o.Error.Key);
            Assert.Contains("äldre vy", o.Error.Message);
        });
        Assert.Equal(1L, await kit.StepRunsAsync(opened.Key));
    }

    [Fact]
    public async Task A_repeat_with_the_same_start_key_answers_with_the_step_already_started()
    {
        var opened = await kit.OpenAsync();
        var grain = opened.Grain(fixture.Grains);
        var request = SessionKit.Step(opened.OpenerId, startKey: "steg-" + Guid.NewGuid().ToString("N"));

        var first = await grain.TakeStepAsync(opened.Teacher, request);
        var again = await grain.TakeStepAsync(opened.Teacher, request);

        var stepRun = RunStartKey.RunIdFor(opened.Teacher.UserId, request.StartKey!);
        Assert.Equal([opened.OpenerId, stepRun], first.RunIds);
        Assert.Contains(stepRun, again.RunIds);
        Assert.Equal(1L, await kit.StepRunsAsync(opened.Key));
    }

    [Fact]
    public async Task A_step_gets_the_state_and_files_and_its_run_records_the_session_and_the_step()
    {
        var opened = await kit.OpenAsync();
        var grain = opened.Grain(fixture.Grains);

        var taken = await grain.TakeStepAsync(opened.Teacher, SessionKit.Step(opened.OpenerId));

        Assert.True(taken.StepRunning);
        var stepRun = taken.LatestRunId!.Value;
        var run = await fixture.Grains.GetGrain<IRunGrain>(stepRun).GetAsync(opened.Teacher);
        Assert.Equal(opened.Key, run.SessionKey);
        Assert.Equal("valj_storlek", run.StepName);
        Assert.Equal("""{"storlek":3}""", run.FieldValuesJson);
        Assert.Equal(RunKind.Production, run.Kind);
        Assert.Equal("valj_storlek", await fixture.Database.ScalarAsync<string>($"SELECT step_name FROM runs WHERE id = '{stepRun}'"));
    }

    [Fact]
    public async Task Stale_views_forged_steps_and_values_outside_the_form_are_refused_before_any_run_and_the_session_still_answers()
    {
        var opened = await kit.OpenAsync();
        var grain = opened.Grain(fixture.Grains);

        var forgedView = await Assert.ThrowsAsync<DomainException>(() => grain.TakeStepAsync(opened.Teacher, SessionKit.Step(Guid.NewGuid())));
        var forgedStep = await Assert.ThrowsAsync<DomainException>(() => grain.TakeStepAsync(opened.Teacher, SessionKit.Step(opened.OpenerId, step: "rm_rf")));
        var outside = await Assert.ThrowsAsync<DomainException>(() => grain.TakeStepAsync(opened.Teacher, SessionKit.Step(opened.OpenerId, """{"storlek": 500}""")));
        var unknownField = await Assert.ThrowsAsync<DomainException>(() => grain.TakeStepAsync(opened.Teacher, SessionKit.Step(opened.OpenerId, """{"storlek": 3, "sudo": true}""")));
        var notJson = await Assert.ThrowsAsync<DomainException>(() => grain.TakeStepAsync(opened.Teacher, SessionKit.Step(opened.OpenerId, "[1,2")));

        Assert.Equal(("Session.Stale", ErrorCode.Conflict), (forgedView.Key, forgedView.Code));
        Assert.Equal(("Session.UnknownStep", ErrorCode.Validation), (forgedStep.Key, forgedStep.Code));
        Assert.Contains("rm_rf", forgedStep.Message);
        Assert.All([outside, unknownField, notJson], e => Assert.Equal((FieldValueRules.ProblemKey, ErrorCode.Validation), (e.Key, e.Code)));
        Assert.Contains("Gruppstorlek", outside.Message);
        Assert.Equal(0L, await kit.StepRunsAsync(opened.Key));
        var still = await grain.GetAsync(opened.Teacher);
        Assert.Equal(opened.OpenerId, still.LatestRunId);
        Assert.False(still.StepRunning);
    }

    [Fact]
    public async Task A_state_over_the_limit_and_too_many_files_are_refused_with_their_own_messages()
    {
        var large = await kit.OpenAsync(state: $$"""{"text": "{{new string('x', SessionLimits.MaxStateBytes)}}"}""");
        var many = await kit.OpenAsync(files: SessionLimits.MaxSessionFiles + 1);
        var offered = Enumerable.Range(0, SessionLimits.MaxNextSteps + 3).Select(i => SessionKit.Choose with { Name = $"steg{i}" }).ToList();
        var crowded = await kit.OpenAsync(steps: offered);

        var stateError = await Assert.ThrowsAsync<DomainException>(() => large.Grain(fixture.Grains).TakeStepAsync(large.Teacher, SessionKit.Step(large.OpenerId)));
        var filesError = await Assert.ThrowsAsync<DomainException>(() => many.Grain(fixture.Grains).TakeStepAsync(many.Teacher, SessionKit.Step(many.OpenerId)));

        Assert.Equal(("Session.StateTooLarge", ErrorCode.Validation), (stateError.Key, stateError.Code));
        Assert.Contains("64 KiB", stateError.Message);
        Assert.Equal(("Session.TooManyFiles", ErrorCode.Validation), (filesError.Key, filesError.Code));
        Assert.Contains($"{SessionLimits.MaxSessionFiles} filer", filesError.Message);
        Assert.Equal(SessionLimits.MaxNextSteps, (await crowded.Grain(fixture.Grains).GetAsync(crowded.Teacher)).NextSteps.Count);
        Assert.Equal(0L, await kit.StepRunsAsync(large.Key) + await kit.StepRunsAsync(many.Key));
    }

    [Fact]
    public async Task A_step_whose_run_offers_no_step_ends_the_session_and_deletes_its_files()
    {
        var opened = await kit.OpenAsync(files: 2);
        var grain = opened.Grain(fixture.Grains);

        var taken = await grain.TakeStepAsync(opened.Teacher, SessionKit.Step(opened.OpenerId));

        var ended = await Eventually.GetAsync(() => grain.GetAsync(opened.Teacher), s => !s.IsOpen, SessionKit.Patience);
        Assert.Empty(ended.NextSteps);
        Assert.Equal(0L, await kit.SessionFilesAsync(opened.OpenerId));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM tool_sessions WHERE key = '{opened.Key}'"));
        var stepRun = await fixture.Grains.GetGrain<IRunGrain>(taken.LatestRunId!.Value).GetAsync(opened.Teacher);
        Assert.Equal(RunStatus.Succeeded, stepRun.Status);
        Assert.Equal("<p>Grupperna är klara</p>", stepRun.Output.Html);
    }

    [Fact]
    public async Task Clearing_ends_the_session_and_deletes_its_files_and_a_step_from_its_old_view_is_refused_as_ended()
    {
        var opened = await kit.OpenAsync(files: 2);
        var grain = opened.Grain(fixture.Grains);

        var cleared = await grain.ClearAsync(opened.Teacher);

        Assert.False(cleared.IsOpen);
        Assert.Equal(0L, await kit.SessionFilesAsync(opened.OpenerId));
        var ended = await Assert.ThrowsAsync<DomainException>(() => grain.TakeStepAsync(opened.Teacher, SessionKit.Step(opened.OpenerId)));
        Assert.Equal(("Session.Ended", ErrorCode.Conflict), (ended.Key, ended.Code));
        Assert.Equal("Sessionen har avslutats. Börja om från första steget.", ended.Message);
        Assert.Equal(0L, await kit.StepRunsAsync(opened.Key));
    }

    [Fact]
    public async Task A_newer_opening_run_replaces_the_session_and_the_older_files_go()
    {
        var opened = await kit.OpenAsync(files: 1);
        var grain = opened.Grain(fixture.Grains);
        var newer = await kit.InsertOpeningRunAsync(opened.Teacher, opened.ToolId, opened.VersionId, files: 1);

        await grain.RunFinishedAsync(newer);

        var session = await Eventually.GetAsync(() => grain.GetAsync(opened.Teacher), s => s.LatestRunId == newer, SessionKit.Patience);
        Assert.Equal([newer], session.RunIds);
        Assert.Equal(0L, await kit.SessionFilesAsync(opened.OpenerId));
        Assert.Equal(1L, await kit.SessionFilesAsync(newer));
        // A late notification of the older run changes nothing.
        await grain.RunFinishedAsync(opened.OpenerId);
        Assert.Equal([newer], (await grain.GetAsync(opened.Teacher)).RunIds);
    }

    [Fact]
    public async Task A_lost_opening_notification_is_caught_up_when_the_teacher_takes_the_step()
    {
        var teacher = new ActingUser(Guid.NewGuid(), Role.User);
        var (toolId, versionId, _) = await ToolRows.InsertAsync(fixture.Database, SessionKit.EndingScript, Guid.NewGuid(), published: true);
        var opener = await kit.InsertOpeningRunAsync(teacher, toolId, versionId);
        var grain = fixture.Grains.GetGrain<IToolSessionGrain>(ToolSessionKey.Production(toolId, teacher.UserId));
        Assert.False((await grain.GetAsync(teacher)).IsOpen);

        var taken = await grain.TakeStepAsync(teacher, SessionKit.Step(opener));

        Assert.Equal(opener, taken.RunIds[0]);
        Assert.True(taken.StepRunning);
    }

    [Fact]
    public async Task Another_persons_session_is_not_found_for_anyone_but_its_owner_even_an_admin()
    {
        var opened = await kit.OpenAsync();
        var grain = opened.Grain(fixture.Grains);

        foreach (var other in new[] { new ActingUser(Guid.NewGuid(), Role.User), new ActingUser(Guid.NewGuid(), Role.Superuser) })
        {
            Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<DomainException>(() => grain.GetAsync(other))).Code);
            Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<DomainException>(() => grain.TakeStepAsync(other, SessionKit.Step(opened.OpenerId)))).Code);
            Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<DomainException>(() => grain.ClearAsync(other))).Code);
        }
        // A key that is no session's at all answers not found too.
        var nonsense = fixture.Grains.GetGrain<IToolSessionGrain>("x/../etc");
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<DomainException>(() => nonsense.GetAsync(opened.Teacher))).Code);
        Assert.True((await grain.GetAsync(opened.Teacher)).IsOpen);
        Assert.Equal(0L, await kit.StepRunsAsync(opened.Key));
    }

    [Fact]
    public async Task A_sandbox_session_needs_the_right_to_run_its_version()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, SessionKit.EndingScript, Guid.NewGuid(), published: false);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<IToolSessionGrain>(ToolSessionKey.Sandbox(versionId, author.UserId)).GetAsync(author));

        Assert.Equal(ErrorCode.NotFound, refused.Code);
    }

    private static async Task<(ToolSessionInfo? Info, DomainException? Error)> Attempt(Func<Task<ToolSessionInfo>> step)
    {
        try
        {
            return (await step(), null);
        }
        catch (DomainException e)
        {
            return (null, e);
        }
    }
}
