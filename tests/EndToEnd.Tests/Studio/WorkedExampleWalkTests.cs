using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// Issue 13's first "done when" in the browser: a tool with a choice of class, a number threshold, a table and a
/// notice; the admin adds an example in the studio, runs it, accepts its result and publishes; a teacher's bad
/// values are refused before any run, good ones run, the table sorts and downloads as xlsx, and the teacher
/// tries the example ("Prova med exempel").
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkedExampleWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Script =
        "import skriptoteket as st\n\ndef run_tool(input_path, output_dir):\n" +
        "    klass, grans = st.field('klass'), st.field('grans')\n" +
        "    elever = {'7A': [['Bo', 10], ['Åsa', 9], ['Ceylan', 100]], '7B': [['Dana', 55], ['Erik', 5]]}[klass]\n" +
        "    rows = [r for r in elever if r[1] >= grans]\n" +
        "    return [st.notice(f'{len(rows)} elever i {klass} når {grans} poäng'), st.table(['Namn', 'Poäng'], rows, title='Elever')]\n";

    private static readonly object Inputs = WalkWorld.ClassAndLimit(defaultLimit: "0");

    [Fact]
    public async Task An_admin_adds_an_example_with_an_expected_result_and_a_teacher_runs_sorts_downloads_and_tries_it()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        var world = new WalkWorld(fixture);
        var (admin, toolId) = await world.AdminWithDraftAsync("poang", "Poäng", "Elever över en gräns.", Script, "Klass och gräns", Inputs);
        var teacher = await world.AccountAsync("user", "larare");

        var page = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/studio");
        await WaitForStudioAsync(page);
        var panel = page.GetByTestId("examples-panel");
        await panel.GetByTestId("example-add").Locator("summary").ClickAsync();
        await panel.GetByTestId("example-name").FillAsync("Sjuan B över 50");
        await ChooseAsync(page, panel.GetByTestId("field-klass").Locator(".mud-select").First, "7B");
        await SetAsync(panel.Locator("#field-input-grans"), "50");
        await ClickCenteredAsync(panel.GetByTestId("example-add-button"));
        var example = panel.Locator("[data-testid='example'][data-example='Sjuan B över 50']");
        await Assertions.Expect(example).ToBeVisibleAsync();
        // No run of the example yet: nothing to accept, and the panel says why.
        await Assertions.Expect(example.GetByTestId("example-accept")).ToBeDisabledAsync();
        await Assertions.Expect(example.GetByTestId("example-accept-hint")).ToContainTextAsync("Kör exemplet först");
        await ClickCenteredAsync(example.GetByTestId("example-run"));
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });
        await ClickCenteredAsync(example.GetByTestId("example-accept"));
        await Assertions.Expect(example.GetByTestId("example-has-expected")).ToBeVisibleAsync();
        // The accepted output is that run's, which is the open version's check: unchanged against itself.
        var studioCheck = panel.Locator("[data-testid='example-check'][data-example='Sjuan B över 50']");
        await Assertions.Expect(studioCheck).ToHaveAttributeAsync("data-status", "unchanged", new() { Timeout = 30_000 });
        await Assertions.Expect(studioCheck.GetByTestId("check-status")).ToHaveTextAsync("oförändrat");
        await Assertions.Expect(example.GetByTestId("example-accept-hint")).ToHaveCountAsync(0);
        // The check's run is in no run list; the check links to it.
        await Assertions.Expect(studioCheck.GetByTestId("check-run")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/runs/[0-9a-f-]{36}$"));
        await ScreenshotAsync(page, "22-studio-examples-panel");

        await ClickCenteredAsync(page.GetByTestId("submit"));
        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/versions");
        var check = page.GetByTestId("review-examples").Locator("[data-testid='example-check'][data-example='Sjuan B över 50']");
        await Assertions.Expect(check).ToHaveAttributeAsync("data-status", "unchanged", new() { Timeout = 90_000 });
        await ClickCenteredAsync(page.Locator("tr[data-version='2']").GetByTestId("publish-version"));
        await Assertions.Expect(page.Locator("tr[data-version='3']")).ToContainTextAsync("Aktiv");
        using (var api = await world.ApiAsync(admin))
        {
            await api.PostAsync($"api/v1/tools/{toolId}/publish");
        }

        var teacherPage = await LoginAsync(fixture, teacher);
        await GotoInteractiveAsync(teacherPage, $"/tools/poang-{world.Tag}/run");
        await TeacherAsync(teacherPage);
    }

    private static async Task TeacherAsync(IPage page)
    {
        var run = page.GetByTestId("run-button");
        await Assertions.Expect(run).ToBeEnabledAsync();
        await SetAsync(page.Locator("#field-input-grans"), "150");
        await run.ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-klass")).ToContainTextAsync("Klass: välj ett alternativ.");
        await Assertions.Expect(page.GetByTestId("field-grans")).ToContainTextAsync("Gräns: högst 100.");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveCountAsync(0);

        await ChooseAsync(page, page.GetByTestId("field-klass").Locator(".mud-select").First, "7A");
        await SetAsync(page.Locator("#field-input-grans"), "5");
        await run.ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("output-notice")).ToHaveTextAsync("3 elever i 7A når 5 poäng");
        var table = page.GetByTestId("output-table");
        var names = table.Locator("tbody tr td:first-child");
        await Assertions.Expect(names).ToHaveTextAsync(["Bo", "Åsa", "Ceylan"]);
        await table.GetByText("Poäng", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(names).ToHaveTextAsync(["Åsa", "Bo", "Ceylan"]);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("table-xlsx").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"poang-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        using (var doc = SpreadsheetDocument.Open(path, false))
        {
            var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c => c.InnerText);
            Assert.Equal(["Namn", "Poäng", "Bo", "10", "Åsa", "9", "Ceylan", "100"], cells);
        }
        File.Delete(path);

        await page.GetByTestId("try-example").GetByText("Sjuan B över 50").ClickAsync();
        await Assertions.Expect(page.GetByTestId("output-notice")).ToHaveTextAsync("1 elever i 7B når 50 poäng", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("output-table").Locator("tbody tr td:first-child")).ToHaveTextAsync(["Dana"]);
        await ScreenshotAsync(page, "23-teacher-tried-example");
    }

    private static async Task SetAsync(ILocator input, string value)
    {
        await input.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await ClickCenteredAsync(select);
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
