using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools.Examples;

/// <summary>
/// Example runs on the real cluster, PostgreSQL and Docker: check runs and the studio's "Kör exempel" are runs of
/// their own kind, kept out of "Mina körningar" and the sandbox history but reachable from the check; only the
/// example's own latest run can become its expected result, and accepting it makes the check unchanged.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExampleRunTests(ClusterFixture fixture)
{
    private IRunQueryGrain Query => fixture.Grains.GetGrain<IRunQueryGrain>(0);

    [Fact]
    public async Task Check_runs_are_example_checks_kept_out_of_my_runs_and_the_sandbox_history_but_reachable_from_the_check()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var toolId = tool.GetPrimaryKey();
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(toolId);
        var first = await ExampleTestKit.SaveAsync(tool, kit.Admin, (await tool.CreateDraftAsync(kit.Admin, null)).Id, ExampleTestKit.First);
        var example = await examples.AddAsync(kit.Admin, ExampleTestKit.Example("Sjuan A", "7A"));
        var saved = await ExampleTestKit.SaveAsync(tool, kit.Admin, first.Id, ExampleTestKit.First);
        var check = Assert.Single(await ExampleTestKit.SettledAsync(examples, kit.Admin, saved.Id, 1));
        var checkRun = check.RunId!.Value;

        // A manual sandbox run of the same version, for contrast: it stays in both lists.
        var manual = await fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid()).StartAsync(RunRequest.Sandbox(saved.Id, kit.Admin, [],
            """{"klass": "7A", "grans": 5}"""));
        await (await RunGrainTests.WatchAsync(fixture, fixture.Grains.GetGrain<IRunGrain>(manual.RunId), kit.Admin)).FinishedAsync();

        Assert.Equal(RunKind.ExampleCheck, (await fixture.Grains.GetGrain<IRunGrain>(checkRun).GetAsync(kit.Admin)).Kind);
        Assert.Equal("example_check", await fixture.Database.ScalarAsync<string>($"SELECT kind FROM runs WHERE id = '{checkRun}'"));
        var mine = await Query.PageMineAsync(kit.Admin, new RunFilter());
        Assert.Equal([manual.RunId], mine.Items.Select(r => r.RunId));
        Assert.Equal([manual.RunId], (await Query.ListMineAsync(kit.Admin, 50)).Select(r => r.RunId));
        Assert.Equal([manual.RunId], (await Query.ListSandboxAsync(kit.Admin, toolId, 50)).Select(r => r.RunId));
        Assert.Equal(RunKind.ExampleCheck, (await Query.DescribeAsync(kit.Admin, checkRun))?.Kind);

        // The manual run's output is not the example's: refused, and the example keeps no expected result.
        var refused = await ToolTestKit.Refused(ErrorCode.Validation, () => examples.AcceptResultAsync(kit.Admin, example.Id, manual.RunId));
        Assert.Contains("Sjuan A", refused.Message);
        Assert.Null((await examples.ListAsync(kit.Admin)).Single().Expected);
    }

    [Fact]
    public async Task Running_an_example_makes_it_the_versions_check_and_accepting_that_run_shows_unchanged()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(tool.GetPrimaryKey());
        var saved = await ExampleTestKit.SaveAsync(tool, kit.Admin, (await tool.CreateDraftAsync(kit.Admin, null)).Id, ExampleTestKit.First);
        var example = await examples.AddAsync(kit.Admin, ExampleTestKit.Example("Sjuan C", "7C"));
        Assert.Empty(await examples.ListChecksAsync(kit.Admin, saved.Id));

        var run = await examples.RunInSandboxAsync(kit.Admin, example.Id, saved.Id);
        Assert.Equal(RunKind.ExampleCheck, run.Kind);
        var pending = Assert.Single(await examples.ListChecksAsync(kit.Admin, saved.Id));
        Assert.Equal(run.RunId, pending.RunId);
        var ran = Assert.Single(await ExampleTestKit.SettledAsync(examples, kit.Admin, saved.Id, 1));
        Assert.Equal(ExampleCheckStatus.NoExpected, ran.Status);
        Assert.Equal(run.RunId, ran.RunId);

        // Running it again replaces the check: the latest run is the one to accept.
        var again = await examples.RunInSandboxAsync(kit.Admin, example.Id, saved.Id);
        var latest = Assert.Single(await ExampleTestKit.SettledAsync(examples, kit.Admin, saved.Id, 1));
        Assert.Equal(again.RunId, latest.RunId);
        var accepted = await examples.AcceptResultAsync(kit.Admin, example.Id, latest.RunId!.Value);
        Assert.Equal(again.RunId, accepted.Expected!.FromRunId);
        Assert.Equal("[meddelande info] Klass 7C, gräns 5\n[tabell] Namn | Poäng\n  Cecilia | 3", accepted.Expected.Text);
        Assert.Equal(ExampleCheckStatus.Unchanged, Assert.Single(await examples.ListChecksAsync(kit.Admin, saved.Id)).Status);
        Assert.Empty((await Query.PageMineAsync(kit.Admin, new RunFilter())).Items);
    }
}
