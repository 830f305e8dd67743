using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// Issue 13's worked examples in the browser: a tool's two examples have expected results; the admin changes the
/// script in the studio so one example's output differs and the other fails. The studio and the review page show
/// "ändrat" with the diff and "misslyckades", and publishing asks for a note before it goes through.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExampleChecksWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string First =
        "import skriptoteket as st\n\ndef run_tool(input_path, output_dir):\n    klass = st.field('klass')\n" +
        "    return [st.notice('Klass ' + klass), st.table(['Namn', 'Poäng'], [['Ada', 12], ['Bo', 7]])]\n";

    private const string Second =
        "import skriptoteket as st\n\ndef run_tool(input_path, output_dir):\n    klass = st.field('klass')\n" +
        "    if klass == '7B':\n        raise ValueError('kolumnen saknas')\n" +
        "    return [st.notice('Klass ' + klass), st.table(['Namn', 'Poäng'], [['Ada', 12], ['Bo', 8]])]\n";

    private static readonly object Inputs = WalkWorld.ClassAndLimit(defaultLimit: "10");

    [Fact]
    public async Task A_changed_script_shows_changed_with_the_diff_and_failed_and_publishing_asks_for_a_note()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        var world = new WalkWorld(fixture);
        var (admin, toolId) = await world.AdminWithDraftAsync("exempel", "Exempel", "Poäng per klass.", First, "Fält", Inputs);
        await AcceptBothExamplesAsync(world, admin, toolId);

        var page = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/studio");
        await WaitForStudioAsync(page);
        await WaitForEditorAsync(page);
        await ReplaceEditorTextAsync(page, Second);
        await page.Locator("#studio-change-summary").FillAsync("Bo får 8, 7B stöds inte");
        await ClickCenteredAsync(page.GetByTestId("save"));
        var panel = page.GetByTestId("examples-panel");
        await Assertions.Expect(panel).ToContainTextAsync("Kontroller mot version 4");
        var changed = panel.Locator("[data-testid='example-check'][data-example='Sjuan A']");
        var failed = panel.Locator("[data-testid='example-check'][data-example='Sjuan B']");
        await Assertions.Expect(changed).ToHaveAttributeAsync("data-status", "changed", new() { Timeout = 90_000 });
        await Assertions.Expect(failed).ToHaveAttributeAsync("data-status", "failed", new() { Timeout = 90_000 });
        await Assertions.Expect(changed.GetByTestId("check-diff")).ToContainTextAsync("+   Bo | 8");
        await ScreenshotAsync(page, "20-studio-example-checks");
        await ClickCenteredAsync(page.GetByTestId("submit"));
        await Assertions.Expect(page.Locator("tr[data-version='4']")).ToContainTextAsync("Granskas");

        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/versions");
        var review = page.GetByTestId("review-examples");
        var reviewChanged = review.Locator("[data-testid='example-check'][data-example='Sjuan A']");
        await Assertions.Expect(reviewChanged).ToHaveAttributeAsync("data-status", "changed");
        await Assertions.Expect(reviewChanged.GetByTestId("check-status")).ToHaveTextAsync("ändrat");
        await Assertions.Expect(reviewChanged.GetByTestId("check-diff")).ToContainTextAsync("-   Bo | 7");
        await Assertions.Expect(reviewChanged.GetByTestId("check-diff")).ToContainTextAsync("+   Bo | 8");
        var reviewFailed = review.Locator("[data-testid='example-check'][data-example='Sjuan B']");
        await Assertions.Expect(reviewFailed.GetByTestId("check-status")).ToHaveTextAsync("misslyckades");
        await Assertions.Expect(reviewFailed.GetByTestId("check-error")).ToContainTextAsync("ValueError: kolumnen saknas");
        await ScreenshotAsync(page, "21-review-example-checks");

        var row = page.Locator("tr[data-version='4']");
        await ClickCenteredAsync(row.GetByTestId("publish-version"));
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Skriv en anteckning om exemplen för att publicera ändå.");
        await Assertions.Expect(row).ToContainTextAsync("Granskas");

        var note = page.Locator("textarea[data-testid='examples-note'], [data-testid='examples-note'] textarea");
        await note.FillAsync("Bo ska ha 8 poäng; 7B läggs till senare.");
        await note.PressAsync("Tab");
        await ClickCenteredAsync(row.GetByTestId("publish-version"));
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Versionen är publicerad.");
        await Assertions.Expect(page.Locator("tr[data-version='5']")).ToContainTextAsync("Aktiv");
    }

    /// <summary>Version 3 runs both examples; their results become expected. The studio then opens on draft 3.</summary>
    private static async Task AcceptBothExamplesAsync(WalkWorld world, string admin, string toolId)
    {
        using var api = await world.ApiAsync(admin);
        var declared = (await api.GetAsync($"api/v1/tools/{toolId}/versions")).EnumerateArray()
            .Single(v => v.GetProperty("isHead").GetBoolean()).GetProperty("id").GetString();
        foreach (var (name, klass) in new[] { ("Sjuan A", "7A"), ("Sjuan B", "7B") })
        {
            await api.PostAsync($"api/v1/tools/{toolId}/examples", new { name, fields = new { klass, grans = 5 } });
        }
        var checkedVersion = (await api.PostAsync($"api/v1/tool-versions/{declared}", new { baseVersionId = declared, source = First, changeSummary = "Exempel" }))
            .GetProperty("id").GetString();
        var checks = await Eventually.GetAsync(() => api.GetAsync($"api/v1/tool-versions/{checkedVersion}/example-checks"),
            checks => checks.GetArrayLength() == 2 && checks.EnumerateArray().All(c => c.GetProperty("status").GetString() == "no_expected"),
            TimeSpan.FromMinutes(2), "the examples' first checks end", TimeSpan.FromMilliseconds(500));
        foreach (var check in checks.EnumerateArray())
        {
            await api.PostAsync($"api/v1/tools/{toolId}/examples/{check.GetProperty("exampleId").GetString()}/expected",
                new { runId = check.GetProperty("runId").GetString() });
        }
    }
}
