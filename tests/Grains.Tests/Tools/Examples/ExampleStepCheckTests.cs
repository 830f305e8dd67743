using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using Skriptoteket.Grains.Tests.Sessions;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools.Examples;

/// <summary>
/// Checks of examples with steps on the real cluster, PostgreSQL and Docker (docs/adr/0012-worked-examples.md,
/// "Examples with steps"): the first run, then each listed step through the check's own tool session; the last step's
/// output is compared; an unoffered step or values its form refuses fail the check naming the step; the check's session
/// ends with its files and an author's sandbox session of the same version is left as it was.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExampleStepCheckTests(ClusterFixture fixture)
{
    /// <summary>Three steps: the class, then a group size (2–5), then the groups' name; the last step shows all three.</summary>
    private const string Steps = """
        import skriptoteket as st

        def run_tool(input_path, output_dir):
            if st.current_step is None:
                st.state["klass"] = st.field("klass")
                return [st.notice("Klass %s" % st.field("klass")),
                        st.step("storlek", "Välj storlek", [
                            {"name": "storlek", "kind": "integer", "label": "Storlek", "min": 2, "max": 5, "required": True}])]
            if st.current_step == "storlek":
                st.state["storlek"] = st.fields["storlek"]
                return [st.notice("Storlek %d" % st.fields["storlek"]),
                        st.step("namnge", "Namnge", [{"name": "prefix", "kind": "short_text", "label": "Namn", "required": True}])]
            return [st.markdown("%s %d: %s" % (st.state["klass"], st.state["storlek"], st.fields["prefix"]))]
        """;

    private static readonly ExampleStep[] ThreeSteps = [new("storlek", """{"storlek": 3}"""), new("namnge", """{"prefix": "Grupp"}""")];

    [Fact]
    public async Task A_three_step_example_checks_unchanged_a_changed_last_step_shows_the_diff_and_the_authors_sandbox_session_is_untouched()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(tool.GetPrimaryKey());
        var version = await ExampleTestKit.SaveAsync(tool, kit.Admin, (await tool.CreateDraftAsync(kit.Admin, null)).Id, Steps);
        var example = await examples.AddAsync(kit.Admin, ExampleTestKit.Example("Tre steg", "7A") with { Steps = ThreeSteps });

        // The author is in the middle of a sandbox session of the same version.
        var sandbox = fixture.Grains.GetGrain<IToolSessionGrain>(ToolSessionKey.Sandbox(version.Id, kit.Admin.UserId));
        await fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid()).StartAsync(RunRequest.Sandbox(version.Id, kit.Admin, [], """{"klass": "7B"}"""));
        var opened = await Eventually.GetAsync(() => sandbox.GetAsync(kit.Admin), s => s.IsOpen, SessionKit.Patience);
        await sandbox.TakeStepAsync(kit.Admin, SessionKit.Step(opened.LatestRunId!.Value, """{"storlek": 4}""", step: "storlek"));
        var before = await Eventually.GetAsync(() => sandbox.GetAsync(kit.Admin), s => !s.StepRunning, SessionKit.Patience);

        // "Kör exempel": the first run, then both listed steps; the check holds the last step's run.
        var first = await examples.RunInSandboxAsync(kit.Admin, example.Id, version.Id);
        var check = Assert.Single(await ExampleTestKit.SettledAsync(examples, kit.Admin, version.Id, 1));
        Assert.Equal(ExampleCheckStatus.NoExpected, check.Status);
        Assert.Equal(first.RunId, check.FirstRunId);
        var last = await fixture.Grains.GetGrain<IRunGrain>(check.RunId!.Value).GetAsync(kit.Admin);
        Assert.Equal(("namnge", RunKind.ExampleCheck), (last.StepName, last.Kind));
        Assert.Equal("7A 3: Grupp", last.Output.Blocks.Single(b => b.Kind == OutputBlockKind.Markdown).Text.Trim());
        var checkKey = ToolSessionKey.ExampleCheck(first.RunId, kit.Admin.UserId);
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE session_key = '{checkKey}'"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM tool_sessions WHERE key = '{checkKey}'"));

        // The author's session is as it was: same runs, same offer, still open.
        var after = await sandbox.GetAsync(kit.Admin);
        Assert.Equal(before.RunIds, after.RunIds);
        Assert.Equal(["namnge"], after.NextSteps.Select(s => s.Name));

        // Only the last step's run can become the expected result.
        var refused = await ToolTestKit.Refused(ErrorCode.Validation, () => examples.AcceptResultAsync(kit.Admin, example.Id, first.RunId));
        Assert.Equal("Example.NotItsRun", refused.Key);
        var accepted = await examples.AcceptResultAsync(kit.Admin, example.Id, check.RunId!.Value);
        Assert.Equal("[markdown]\n  7A 3: Grupp", accepted.Expected!.Text);
        Assert.Equal(ExampleCheckStatus.Unchanged, Assert.Single(await examples.ListChecksAsync(kit.Admin, version.Id)).Status);

        var changed = await ExampleTestKit.SaveAsync(tool, kit.Admin, version.Id, Steps.Replace("\"%s %d: %s\"", "\"%s, grupper om %d: %s\""));
        var check2 = Assert.Single(await ExampleTestKit.SettledAsync(examples, kit.Admin, changed.Id, 1));
        Assert.Equal(ExampleCheckStatus.Changed, check2.Status);
        Assert.Equal(["  [markdown]", "-   7A 3: Grupp", "+   7A, grupper om 3: Grupp"], check2.Diff);
    }

    [Fact]
    public async Task An_unoffered_step_and_values_outside_the_step_form_fail_the_check_naming_the_step()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var examples = fixture.Grains.GetGrain<IToolExamplesGrain>(tool.GetPrimaryKey());
        var draft = await ExampleTestKit.SaveAsync(tool, kit.Admin, (await tool.CreateDraftAsync(kit.Admin, null)).Id, Steps);
        await examples.AddAsync(kit.Admin, ExampleTestKit.Example("Okänt steg", "7A") with
        {
            Steps = [new("storlek", """{"storlek": 3}"""), new("gor_om", "{}")],
        });
        await examples.AddAsync(kit.Admin, ExampleTestKit.Example("För stor", "7A") with { Steps = [new("storlek", """{"storlek": 9}""")] });

        var saved = await ExampleTestKit.SaveAsync(tool, kit.Admin, draft.Id, Steps);
        var checks = (await ExampleTestKit.SettledAsync(examples, kit.Admin, saved.Id, 2)).ToDictionary(c => c.ExampleName);

        Assert.Equal(ExampleCheckStatus.Failed, checks["Okänt steg"].Status);
        Assert.Equal("Steg 3 (gor_om): steget erbjöds inte: steg 2 erbjöd namnge.", checks["Okänt steg"].Error);
        Assert.Equal(ExampleCheckStatus.Failed, checks["För stor"].Status);
        Assert.Equal("Steg 2 (storlek): Storlek: högst 5.", checks["För stor"].Error);
        // No check session is left open, and the refused step never ran.
        var keys = checks.Values.Select(c => ToolSessionKey.ExampleCheck(c.FirstRunId!.Value, kit.Admin.UserId)).ToList();
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM tool_sessions WHERE key IN ('{string.Join("','", keys)}')"));
        var tooLarge = ToolSessionKey.ExampleCheck(checks["För stor"].FirstRunId!.Value, kit.Admin.UserId);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE session_key = '{tooLarge}'"));
    }
}
