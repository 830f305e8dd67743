using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools.Examples;

/// <summary>
/// Checks on the real cluster, PostgreSQL and Docker: queued on save and submit, run in the background, and
/// unchanged / changed (with a diff) / failed computed from real runs; publishing then needs a note.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExampleCheckTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Saves_run_the_examples_and_a_changed_script_shows_changed_failed_and_unchanged_and_publishing_needs_a_note()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var toolId = tool.GetPrimaryKey();
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(toolId);
        var first = await ExampleTestKit.SaveAsync(tool, kit.Admin, (await tool.CreateDraftAsync(kit.Admin, null)).Id, ExampleTestKit.First);
        foreach (var (name, klass) in new[] { ("Sjuan A", "7A"), ("Sjuan B", "7B"), ("Sjuan C", "7C") })
        {
            await examples.AddAsync(kit.Admin, ExampleTestKit.Example(name, klass));
        }

        // A save queues every example; the save right after it supersedes the checks still pending.
        var superseded = await ExampleTestKit.SaveAsync(tool, kit.Admin, first.Id, ExampleTestKit.First);
        var baseline = await ExampleTestKit.SaveAsync(tool, kit.Admin, superseded.Id, ExampleTestKit.First);
        var ran = await ExampleTestKit.SettledAsync(examples, kit.Admin, baseline.Id, 3);
        Assert.All(ran, c => Assert.Equal(ExampleCheckStatus.NoExpected, c.Status));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM tool_example_checks WHERE version_id = '{superseded.Id}' AND status = 'pending'"));

        // The author accepts each run's result: the same checks now compare, without running again.
        foreach (var check in ran)
        {
            var accepted = await examples.AcceptResultAsync(kit.Admin, check.ExampleId, check.RunId!.Value);
            Assert.Equal(baseline.Id, accepted.Expected!.FromVersionId);
        }
        Assert.All(await examples.ListChecksAsync(kit.Admin, baseline.Id), c => Assert.Equal(ExampleCheckStatus.Unchanged, c.Status));
        var expected = (await examples.ListAsync(kit.Admin)).Single(e => e.Name == "Sjuan A").Expected!.Text;
        Assert.Equal("[meddelande info] Klass 7A, gräns 5\n[tabell] Namn | Poäng\n  Ada | 12\n  Bo | 7", expected);

        var changed = await ExampleTestKit.SaveAsync(tool, kit.Admin, baseline.Id, ExampleTestKit.Second);
        var checks = (await ExampleTestKit.SettledAsync(examples, kit.Admin, changed.Id, 3)).ToDictionary(c => c.ExampleName);
        Assert.Equal(ExampleCheckStatus.Changed, checks["Sjuan A"].Status);
        Assert.Equal(["  [meddelande info] Klass 7A, gräns 5", "  [tabell] Namn | Poäng", "    Ada | 12", "-   Bo | 7", "+   Bo | 8"], checks["Sjuan A"].Diff);
        Assert.Equal(ExampleCheckStatus.Failed, checks["Sjuan B"].Status);
        Assert.Contains("ValueError", checks["Sjuan B"].Error);
        Assert.Equal(ExampleCheckStatus.Unchanged, checks["Sjuan C"].Status);

        // Submit queues only examples without a check: none here, so the statuses stay.
        await tool.SubmitForReviewAsync(kit.Admin, changed.Id, null);
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM tool_example_checks WHERE version_id = '{changed.Id}' AND status <> 'pending'"));

        var refused = await ToolTestKit.Refused(ErrorCode.Validation, () => tool.PublishVersionAsync(kit.OtherAdmin, changed.Id));
        Assert.Contains("\"Sjuan A\" (ändrat)", refused.Message);
        Assert.Contains("\"Sjuan B\" (misslyckades)", refused.Message);
        Assert.DoesNotContain("Sjuan C", refused.Message);
        Assert.Null((await tool.GetAsync(kit.Admin)).ActiveVersionId);
        await ToolTestKit.Refused(ErrorCode.Validation, () => tool.PublishVersionAsync(kit.OtherAdmin, changed.Id, "   "));

        var active = await tool.PublishVersionAsync(kit.OtherAdmin, changed.Id, "Bo har rättats; 7B har ingen fil ännu.");
        Assert.Equal(active.Id, (await tool.GetAsync(kit.Admin)).ActiveVersionId);
        var details = await fixture.Database.ScalarAsync<string>(
            $"SELECT details::text FROM audit_log WHERE target_id = '{toolId}' AND action = 'tool.version.published'");
        Assert.Contains("Bo har rättats; 7B har ingen fil ännu.", details);
        Assert.Contains("Sjuan A: ändrat", details);
        Assert.Contains("Sjuan B: misslyckades", details);
        Assert.Contains("Sjuan C: oförändrat", details);
    }

    [Fact]
    public async Task Submit_queues_new_examples_a_clean_version_publishes_without_a_note_and_a_teacher_can_try_an_example()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(tool.GetPrimaryKey());
        var saved = await ExampleTestKit.SaveAsync(tool, kit.Admin, (await tool.CreateDraftAsync(kit.Admin, null)).Id, ExampleTestKit.First);
        var example = await examples.AddAsync(kit.Admin, ExampleTestKit.Example("Sjuan C", "7C"));
        Assert.Empty(await examples.ListChecksAsync(kit.Admin, saved.Id));

        await tool.SubmitForReviewAsync(kit.Admin, saved.Id, null);
        var check = Assert.Single(await ExampleTestKit.SettledAsync(examples, kit.Admin, saved.Id, 1));
        Assert.Equal(ExampleCheckStatus.NoExpected, check.Status);
        await tool.PublishVersionAsync(kit.OtherAdmin, saved.Id);
        var info = await tool.PublishAsync(kit.Admin);

        await ToolTestKit.Refused(ErrorCode.NotFound, () => examples.ListChecksAsync(kit.User, saved.Id));
        Assert.Equal(["Sjuan C"], (await examples.ListAsync(kit.User)).Select(e => e.Name));
        var run = await examples.TryAsync(kit.User, example.Id);
        Assert.Equal(RunKind.Production, run.Kind);
        Assert.Equal(kit.User.UserId, run.RequestedBy);
        var done = await (await RunGrainTests.WatchAsync(fixture, fixture.Grains.GetGrain<IRunGrain>(run.RunId), kit.User)).FinishedAsync();
        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal("Cecilia", done.Output.Blocks[1].Rows[0][0].Text);
        Assert.Equal(info.ActiveVersionId, done.VersionId);
    }

    [Fact]
    public async Task A_watcher_is_told_when_checks_are_queued_and_when_they_finish_and_a_teacher_may_not_watch()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(tool.GetPrimaryKey());
        var draft = await ExampleTestKit.SaveAsync(tool, kit.Admin, (await tool.CreateDraftAsync(kit.Admin, null)).Id, ExampleTestKit.First);
        await examples.AddAsync(kit.Admin, ExampleTestKit.Example("Sjuan A", "7A"));
        var watcher = new ChecksWatcher();
        var reference = fixture.Cluster.Client.CreateObjectReference<IExampleChecksObserver>(watcher);
        await ToolTestKit.Refused(ErrorCode.NotFound, () => examples.SubscribeChecksAsync(kit.User, reference));
        await examples.SubscribeChecksAsync(kit.Admin, reference);

        var saved = await ExampleTestKit.SaveAsync(tool, kit.Admin, draft.Id, ExampleTestKit.First);
        // Told at the queueing and again at the end: after the last word no check is pending (no poll needed).
        await Eventually.UntilAsync(() => watcher.Told(saved.Id) >= 2, TimeSpan.FromSeconds(120), "the watcher told of the queued and the finished check");
        Assert.All(await examples.ListChecksAsync(kit.Admin, saved.Id), c => Assert.NotEqual(ExampleCheckStatus.Pending, c.Status));

        await examples.UnsubscribeChecksAsync(reference);
        GC.KeepAlive(watcher);
    }

    private sealed class ChecksWatcher : IExampleChecksObserver
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> told = new();

        public int Told(Guid versionId) => told.GetValueOrDefault(versionId);

        public Task ChecksChangedAsync(Guid versionId)
        {
            told.AddOrUpdate(versionId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
