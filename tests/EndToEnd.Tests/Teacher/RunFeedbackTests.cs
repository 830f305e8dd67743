using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// What a teacher sees right after "Kör": the run's status comes into view and takes focus (once, not at each
/// update), and one click, or one double click, starts exactly one run.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RunFeedbackTests(BrowserFixture fixture)
{
    // Slow enough that the run is seen queued or running, or that a second run can start while it runs.
    private static string Sleeping(int seconds) => $$"""
        import time
        def run_tool(input_path, output_dir):
            time.sleep({{seconds}})
            rows = open(input_path, encoding="utf-8").read().splitlines()
            return f"<h3 id='svar'>{len(rows)} rader</h3>"
        """;

    // Instructions as long as a real tool's, so that the form fills the screen and the result starts below it.
    private static readonly string LongUsage = string.Join("\n", Enumerable.Range(1, 20).Select(i =>
        $"{i}. Steg {i}: öppna elevlistan i skolans system, kontrollera kolumnerna och exportera den som **CSV**."));

    public static TheoryData<int, int> Screens => new() { { 1366, 900 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task After_Run_the_status_comes_into_view_with_focus_and_later_updates_leave_the_page_alone(int width, int height)
    {
        var (slug, _) = await TeacherTool.PublishAsync(fixture.Database, Sleeping(3), LongUsage);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture, new() { ViewportSize = new() { Width = width, Height = height } });
        await ChooseCsvAsync(page, slug);
        var run = page.GetByTestId("run-button");
        // The page as the teacher has it before Run: the top, where the form starts.
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));

        await run.ClickAsync();

        var region = page.GetByTestId("run-status-region");
        await Assertions.Expect(region).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0, "the page should have scrolled down to the run");
        await Assertions.Expect(region).ToHaveAttributeAsync("role", "status");
        await Assertions.Expect(region).ToHaveAttributeAsync("aria-live", "polite");

        // The teacher scrolls back up while the tool runs: "Körs" and "Klar" do not pull the page down again.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Klar", new() { Timeout = 60_000 });
        await Assertions.Expect(page.FrameLocator("iframe.run-result").Locator("#svar")).ToHaveTextAsync("3 rader");
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_double_click_on_Run_starts_one_run_and_another_run_may_start_once_the_first_is_accepted()
    {
        var (slug, _) = await TeacherTool.PublishAsync(fixture.Database, Sleeping(12));
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await ChooseCsvAsync(page, slug);
        var run = page.GetByTestId("run-button");

        await run.DblClickAsync();

        await WaitForRunsAsync(slug, 1);
        await Assertions.Expect(run).ToHaveTextAsync("Kör");
        await Assertions.Expect(run).ToBeEnabledAsync();
        await StaysAsync(slug, 1);

        // While the first still runs, the teacher may start another (run again, perhaps with another file).
        await Assertions.Expect(page.GetByTestId("run-status")).Not.ToHaveAttributeAsync("data-finished", "true");
        await run.ClickAsync();
        await WaitForRunsAsync(slug, 2);
        await Assertions.Expect(run).ToBeEnabledAsync();

        // A double click whose second click arrives only after the start has answered: still one run.
        var box = (await run.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync(new() { ClickCount = 2 });
        await page.Mouse.UpAsync(new() { ClickCount = 2 });
        await StaysAsync(slug, 2);
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Klar", new() { Timeout = 60_000 });
        await page.Context.CloseAsync();
    }

    private static async Task ChooseCsvAsync(IPage page, string slug)
    {
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}/run");
        await BrowserSteps.WaitForFileInputAsync(page);
        await page.GetByTestId("run-files").SetInputFilesAsync(new FilePayload
        {
            Name = "elever.csv", MimeType = "text/csv", Buffer = "namn\nAda\nBo"u8.ToArray(),
        });
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync();
    }

    /// <summary>The tool's runs in the database: each accepted start is one row (written when it is queued).</summary>
    private async Task<long> CountRunsAsync(string slug)
    {
        await using var data = fixture.Database.CreateDataSource();
        await using var count = data.CreateCommand("SELECT count(*) FROM runs r JOIN tools t ON t.id = r.tool_id WHERE t.slug = @slug");
        count.Parameters.AddWithValue("slug", slug);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task WaitForRunsAsync(string slug, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long runs;
        while ((runs = await CountRunsAsync(slug)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(expected, runs);
    }

    /// <summary>No further run appears: a start that a stray click began would be in the database within this time.</summary>
    private async Task StaysAsync(string slug, long expected)
    {
        var until = DateTime.UtcNow.AddSeconds(3);
        while (DateTime.UtcNow < until)
        {
            Assert.Equal(expected, await CountRunsAsync(slug));
            await Task.Delay(250);
        }
    }
}
