using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Studio;
using Skriptoteket.EndToEnd.Tests.Tools;
using Skriptoteket.TestSupport;
using Xunit.Abstractions;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// Issue 18: one click is one run on every button that starts one (the run page's Run, "Prova med exempel", the
/// studio's sandbox Run). A double click, or a click while the run is under way, makes no second row in the
/// runs table; the button is busy until the run has finished, and then starts the next run.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OneClickOneRunTests(BrowserFixture fixture, ITestOutputHelper output)
{
    // Long enough that every click of a test lands while the run is queued or running.
    private static string Sleeping(int seconds) => $$"""
        import time
        def run_tool(input_path, output_dir):
            time.sleep({{seconds}})
            return "<p id='svar'>klar</p>"
        """;

    [Fact]
    public Task Run_page_a_double_click_and_a_later_click_while_it_runs_start_one_run_and_Run_waits_until_it_has_finished() =>
        fixture.ShowingHostLogOnFailureAsync(output, RunPageWalkAsync);

    private async Task RunPageWalkAsync()
    {
        var (slug, _) = await TeacherTool.PublishAsync(fixture.Database, Sleeping(8));
        var tool = await ToolIdAsync(slug);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}/run");
        await BrowserSteps.ChooseCsvAsync(page);
        var run = page.GetByTestId("run-button");

        await run.DblClickAsync();

        await WaitForRunsAsync(tool, 1);
        await Assertions.Expect(page.GetByTestId("run-status")).ToBeVisibleAsync();
        await Assertions.Expect(run).ToBeDisabledAsync();
        await Assertions.Expect(run).ToHaveTextAsync("Körs…");
        // A person's further click on Run while the run is under way (the button where it is, whatever its state).
        await run.ClickAsync(new() { Force = true });
        await StaysAsync(tool, 1);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM runs WHERE tool_id = '{tool}' AND start_key IS NOT NULL"));

        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(run).ToBeEnabledAsync();
        await Assertions.Expect(run).ToHaveTextAsync("Kör");
        // Finished: the next click is the next run.
        await run.ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-start-error")).ToHaveCountAsync(0);
        await WaitForRunsAsync(tool, 2);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_double_click_on_an_example_starts_one_run_and_the_examples_wait_until_it_has_finished()
    {
        var (tool, page) = await OpenToolWithExampleAsync(Sleeping(6));
        var example = page.GetByTestId("try-example");

        await example.DblClickAsync();

        await WaitForRunsAsync(tool, 1);
        await Assertions.Expect(example).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeDisabledAsync();
        await example.ClickAsync(new() { Force = true });
        await StaysAsync(tool, 1);
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(example).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_second_click_of_a_double_click_landing_on_Cancel_does_not_cancel_the_run_the_first_started()
    {
        // Seen in a walk: the first click on "Prova med exempel" brings the new run (and its Cancel) into view
        // under the pointer, and a person's second click, 150 ms later, cancelled the run it had just started.
        var (_, page) = await OpenToolWithExampleAsync(Sleeping(3));
        await page.GetByTestId("try-example").ClickAsync();
        var cancel = page.GetByTestId("run-cancel");
        await Assertions.Expect(cancel).ToBeVisibleAsync();

        var box = await cancel.BoundingBoxAsync() ?? throw new InvalidOperationException("Cancel has no box");
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync(new() { ClickCount = 2 });
        await page.Mouse.UpAsync(new() { ClickCount = 2 });

        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Klar");
        await page.Context.CloseAsync();
    }

    /// <summary>A published tool with one worked example, open on its run page as the superuser.</summary>
    private async Task<(Guid Tool, IPage Page)> OpenToolWithExampleAsync(string source)
    {
        var (slug, _) = await TeacherTool.PublishAsync(fixture.Database, source);
        var tool = await ToolIdAsync(slug);
        using (var api = await new WalkWorld(fixture).SuperuserAsync())
        {
            await api.PostAsync($"api/v1/tools/{tool}/examples", new
            {
                name = "Klass 7A",
                files = new[] { new { name = "elever.csv", contentBase64 = Convert.ToBase64String("namn\nAda"u8.ToArray()) } },
            });
        }
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}/run");
        return (tool, page);
    }

    [Fact]
    public async Task A_double_click_on_the_sandboxs_Run_starts_one_run_and_Run_waits_until_it_has_finished()
    {
        var (admin, toolId) = await new WalkWorld(fixture).AdminWithDraftAsync("sovande", "Sovande", "Sover en stund.", Sleeping(6), "Första",
            new { fields = Array.Empty<object>(), files = new { minFiles = 0, maxFiles = 0 } });
        var page = await StudioBrowser.LoginAsync(fixture, admin);
        await StudioBrowser.GotoInteractiveAsync(page, $"/admin/tools/{toolId}/studio");
        await StudioBrowser.WaitForEditorAsync(page);
        var run = page.GetByTestId("sandbox-run");
        await Assertions.Expect(run).ToBeEnabledAsync();

        await run.DblClickAsync();

        var tool = Guid.Parse(toolId);
        await WaitForRunsAsync(tool, 1);
        await Assertions.Expect(run).ToBeDisabledAsync();
        await Assertions.Expect(run).ToHaveTextAsync("Körs…");
        await run.ClickAsync(new() { Force = true });
        await StaysAsync(tool, 1);
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(run).ToBeEnabledAsync();
        await Assertions.Expect(run).ToHaveTextAsync("Kör i sandlådan");
        await page.Context.CloseAsync();
    }

    private Task<Guid> ToolIdAsync(string slug) => fixture.Database.ScalarAsync<Guid>($"SELECT id FROM tools WHERE slug = '{slug}'");

    /// <summary>The tool's runs in the database: each accepted start is one row (written when it is queued).</summary>
    private Task<long> CountRunsAsync(Guid toolId) =>
        fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE tool_id = '{toolId}'");

    private async Task WaitForRunsAsync(Guid toolId, long expected) =>
        Assert.Equal(expected, await Eventually.GetAsync(() => CountRunsAsync(toolId), runs => runs >= expected, TimeSpan.FromSeconds(30)));

    /// <summary>No further run appears: a start that a stray click began would be in the database within this time.</summary>
    private Task StaysAsync(Guid toolId, long expected) =>
        Eventually.StaysAsync(async () => await CountRunsAsync(toolId) == expected, TimeSpan.FromSeconds(3), $"{expected} runs of the tool");
}
