using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Retention;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Tests.Sessions;

/// <summary>The tool session grain's files and keys: expiry and its sweep, the files limit, kept files, the state and start keys.</summary>
public sealed partial class ToolSessionGrainTests
{
    [Fact]
    public async Task An_idle_session_expires_after_the_retention_and_the_sweep_deletes_its_files_and_says_so()
    {
        var opened = await kit.OpenAsync(files: 2);
        var retention = fixture.Grains.GetGrain<IRetentionGrain>(IRetentionGrain.Key);
        ClusterFixture.SessionTime.Advance(TimeSpan.FromHours(23));
        await retention.SweepAsync();
        Assert.Equal(2L, await kit.SessionFilesAsync(opened.OpenerId));

        ClusterFixture.SessionTime.Advance(TimeSpan.FromHours(2));
        await retention.SweepAsync();

        Assert.Equal(0L, await kit.SessionFilesAsync(opened.OpenerId));
        Assert.False((await opened.Grain(fixture.Grains).GetAsync(opened.Teacher)).IsOpen);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM audit_log WHERE action = 'runs.retention_sweep'
            AND details::text LIKE '%{opened.Key}%' AND (details->>'session_files')::int >= 2
            """));
        // Counts only: file names can name pupils or classes.
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE details::text LIKE '%{opened.Key}%' AND details::text LIKE '%klass0.csv%'"));
    }

    [Fact]
    public async Task Session_files_larger_together_than_a_run_may_upload_are_refused_and_kept_files_past_that_are_not_taken()
    {
        var limit = ClusterFixture.MaxUploadFileBytes * 3 / 2;
        var large = await kit.OpenAsync(files: 0, more: [new("stor.csv", Kept: false, limit + 1)]);
        var kept = await kit.OpenAsync(files: 1, more: [new("liten.txt", Kept: true, 100), new("stor.pdf", Kept: true, limit)]);

        var refused = await Assert.ThrowsAsync<DomainException>(() => large.Grain(fixture.Grains).TakeStepAsync(large.Teacher, SessionKit.Step(large.OpenerId)));

        Assert.Equal(("Session.FilesTooLarge", ErrorCode.Validation), (refused.Key, refused.Code));
        Assert.Equal("Sessionens filer är större än 1,5 MB tillsammans. Börja om med mindre filer.", refused.Message);
        Assert.Equal(0L, await kit.StepRunsAsync(large.Key));
        var session = await kept.Grain(fixture.Grains).GetAsync(kept.Teacher);
        Assert.Equal(["klass0.csv", "liten.txt"], session.Files.Select(f => f.Name).Order());
    }

    [Fact]
    public async Task A_kept_file_named_like_an_upload_is_kept_once_and_the_step_runs()
    {
        var opened = await kit.OpenAsync(files: 1, more: [new("klass0.csv", Kept: true, 10)]);
        var grain = opened.Grain(fixture.Grains);

        var session = await grain.GetAsync(opened.Teacher);
        var taken = await grain.TakeStepAsync(opened.Teacher, SessionKit.Step(opened.OpenerId));

        Assert.Equal([("klass0.csv", true)], session.Files.Select(f => (f.Name, f.KeptByScript)));
        var stepRun = await Eventually.GetAsync(() => fixture.Grains.GetGrain<IRunGrain>(taken.LatestRunId!.Value).GetAsync(opened.Teacher),
            r => r.IsFinished, SessionKit.Patience);
        Assert.Equal(RunStatus.Succeeded, stepRun.Status);
    }

    [Fact]
    public async Task A_step_that_empties_the_state_hands_the_next_step_an_empty_state()
    {
        const string script = """
            import skriptoteket as st

            def run_tool(input_path, output_dir):
                if st.current_step == "valj_storlek":
                    st.state.clear()
                    return [st.step("visa", "Visa", [{"name": "antal", "kind": "integer", "label": "Antal", "min": 1, "max": 9}])]
                return [st.markdown("nycklar: %d" % len(st.state))]
            """;
        var opened = await kit.OpenAsync(script: script);
        var grain = opened.Grain(fixture.Grains);
        await grain.TakeStepAsync(opened.Teacher, SessionKit.Step(opened.OpenerId));
        var cleared = await Eventually.GetAsync(() => grain.GetAsync(opened.Teacher), s => !s.StepRunning, SessionKit.Patience);
        Assert.Equal(["visa"], cleared.NextSteps.Select(n => n.Name));

        var last = await grain.TakeStepAsync(opened.Teacher, SessionKit.Step(cleared.LatestRunId!.Value, "{}", step: "visa"));

        var run = await Eventually.GetAsync(() => fixture.Grains.GetGrain<IRunGrain>(last.LatestRunId!.Value).GetAsync(opened.Teacher),
            r => r.IsFinished, SessionKit.Patience);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Contains("nycklar: 0", run.Output.Blocks.Single(b => b.Kind == OutputBlockKind.Markdown).Text);
    }

    [Fact]
    public async Task A_start_key_that_already_started_another_sessions_step_is_refused_and_adopts_nothing()
    {
        var first = await kit.OpenAsync();
        var second = await kit.OpenAsync(teacher: first.Teacher);
        var key = "steg-" + Guid.NewGuid().ToString("N");
        await first.Grain(fixture.Grains).TakeStepAsync(first.Teacher, SessionKit.Step(first.OpenerId, startKey: key));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            second.Grain(fixture.Grains).TakeStepAsync(second.Teacher, SessionKit.Step(second.OpenerId, startKey: key)));

        Assert.Equal(("Run.AlreadyStarted", ErrorCode.Conflict), (refused.Key, refused.Code));
        var still = await second.Grain(fixture.Grains).GetAsync(second.Teacher);
        Assert.Equal([second.OpenerId], still.RunIds);
        Assert.False(still.StepRunning);
    }
}
