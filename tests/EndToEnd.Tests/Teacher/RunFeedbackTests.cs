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
}
