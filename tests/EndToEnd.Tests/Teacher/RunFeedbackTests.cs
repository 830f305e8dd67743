using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// What a teacher sees right after "Kör": the run's status comes into view and takes focus, and when the result
/// arrives its heading and first block come into view (issue 18: at 1366×768 and on a phone they were below the
/// fold), with focus on the result's heading for screen readers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RunFeedbackTests(BrowserFixture fixture)
{
    // Slow enough that the teacher can scroll away while it runs; a notice and a table as the result.
    private const string Sleeping = """
        import time
        import skriptoteket as st
        def run_tool(input_path, output_dir):
            time.sleep(3)
            rows = open(input_path, encoding="utf-8").read().splitlines()
            return [st.notice(f"{len(rows)} rader"), st.table(["Namn"], [[r] for r in rows], title="Elever")]
        """;

    // Instructions as long as a real tool's, so that the form fills the screen and the result starts below it.
    private static readonly string LongUsage = string.Join("\n", Enumerable.Range(1, 20).Select(i =>
        $"{i}. Steg {i}: öppna elevlistan i skolans system, kontrollera kolumnerna och exportera den som **CSV**."));

    public static TheoryData<int, int> Screens => new() { { 1366, 768 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task After_Run_the_status_comes_into_view_with_focus_and_then_the_result_when_it_arrives(int width, int height)
    {
        var (slug, _) = await TeacherTool.PublishAsync(fixture.Database, Sleeping, LongUsage);
        // Motion as most people have it: the result glides into view (the other tests ask for reduced motion).
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture, new()
        {
            ViewportSize = new() { Width = width, Height = height }, ReducedMotion = ReducedMotion.NoPreference,
        });
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}/run");
        await BrowserSteps.ChooseCsvAsync(page);
        var run = page.GetByTestId("run-button");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");

        await run.ClickAsync();

        var region = page.GetByTestId("run-status-region");
        await Assertions.Expect(region).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0, "the page should have scrolled down to the run");
        await Assertions.Expect(region).ToHaveAttributeAsync("role", "status");
        await Assertions.Expect(region).ToHaveAttributeAsync("aria-live", "polite");

        // The teacher scrolls back up to the form while the tool runs; the result, when it comes, is brought into view.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Klar", new() { Timeout = 60_000 });
        var heading = page.GetByTestId("run-result-heading");
        await Assertions.Expect(heading).ToBeFocusedAsync();
        await Assertions.Expect(heading).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("output-notice")).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("output-notice")).ToHaveTextAsync("3 rader");
        // Below the fixed app bar, not under it.
        var bar = (await page.Locator(".mud-appbar").BoundingBoxAsync())!;
        Assert.True((await heading.BoundingBoxAsync())!.Y >= bar.Y + bar.Height, "the result's heading should not be under the app bar");
        await page.Context.CloseAsync();
    }
}
