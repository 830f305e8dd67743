using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// The whole life of a tool in the browser (issue 10), with no API call after the accounts exist:
/// suggest → accept → write in the studio (syntax error marked, fixed) → sandbox-run unsaved code → save →
/// submit → publish the version → publish the tool → a teacher runs it → a superuser rolls back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ToolLifeWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_tool_goes_from_suggestion_to_a_teachers_run_and_back_through_a_rollback()
    {
        // The host's own log says why a page failed (a circuit error is only a banner in the browser).
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        // Accounts only (identity's area); everything about the tool happens in the browser.
        var world = new WalkWorld(fixture);
        var tag = world.Tag;
        var title = $"Klassammanställning {tag}";
        var contributor = await world.AccountAsync("contributor", "bidrag");
        var admin = await world.AccountAsync("admin", "admin");
        var teacher = await world.AccountAsync("user", "larare");
        var csv = Path.Combine(Path.GetTempPath(), $"elever-{tag}.csv");
        await File.WriteAllTextAsync(csv, ToolScripts.Csv);

        await SuggestAsync(contributor, title);
        var adminPage = await AcceptAndOpenStudioAsync(admin, title);
        var toolId = Regex.Match(adminPage.Url, "/admin/tools/([0-9a-f-]{36})/studio").Groups[1].Value;

        await WriteRunAndSaveAsync(adminPage, csv, "VERSION_A", firstDraft: true);
        await SubmitAndPublishAsync(adminPage, reviewedNumber: 2);
        var publishTool = adminPage.GetByTestId("publish-tool");
        await Assertions.Expect(publishTool).ToBeEnabledAsync();
        await ClickCenteredAsync(publishTool);
        await Assertions.Expect(adminPage.GetByText("Publicerad i katalogen")).ToBeVisibleAsync();

        var teacherPage = await LoginAsync(fixture, teacher);
        await FindToolInTwoClicksAsync(teacherPage, title);
        var runPage = await RunAsTeacherAsync(teacherPage, csv, "VERSION_A");
        await ReopenFromMyRunsAsync(teacherPage, "VERSION_A");

        // A second published version (v6), so that there is something to roll back from.
        await ClickCenteredAsync(adminPage.GetByTestId("version-history").Locator("tr[data-version='3']").GetByTestId("new-draft"));
        await Assertions.Expect(adminPage.GetByTestId("editor-version")).ToHaveTextAsync("Redigerar utkast v4");
        await WriteRunAndSaveAsync(adminPage, csv, "VERSION_B", firstDraft: false);
        await SubmitAndPublishAsync(adminPage, reviewedNumber: 5);
        await RunAsTeacherAsync(teacherPage, csv, "VERSION_B", runPage);

        // The superuser rolls back to v3; the dialog names the version.
        var superPage = await LoginAsync(fixture, BrowserFixture.SuperuserEmail, BrowserFixture.SuperuserPassword);
        await GotoInteractiveAsync(superPage, $"/admin/tools/{toolId}/studio");
        await WaitForStudioAsync(superPage);
        await ClickCenteredAsync(superPage.Locator("tr[data-version='3']").GetByTestId("rollback"));
        var dialog = superPage.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("v3");
        await Screenshot(superPage, "06-rollback-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Återställ till v3" }).ClickAsync();
        var rolledBack = superPage.Locator("tr[data-version='7']");
        await Assertions.Expect(rolledBack).ToContainTextAsync("återställd från v3");
        await Assertions.Expect(rolledBack).ToContainTextAsync("Aktiv");
        await Screenshot(superPage, "07-history-after-rollback");

        await RunAsTeacherAsync(teacherPage, csv, "VERSION_A", runPage);
    }

    private async Task SuggestAsync(string contributor, string title)
    {
        var page = await LoginAsync(fixture, contributor);
        await GotoInteractiveAsync(page, "/suggestions/new");
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Skicka förslaget" });
        await Assertions.Expect(send).ToBeEnabledAsync();
        await page.GetByLabel("Titel").FillAsync(title);
        await page.GetByLabel("Beskrivning: vad ska verktyget göra?").FillAsync("Sammanställer en klasslista till ett kalkylark.");
        await page.GetByLabel("Lärare", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Administration", new() { Exact = true }).CheckAsync();
        await send.ClickAsync();
        await page.WaitForURLAsync("**/suggestions/mine");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> AcceptAndOpenStudioAsync(string admin, string title)
    {
        var page = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(page, "/admin/suggestions");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        var decide = page.GetByRole(AriaRole.Button, new() { Name = "Spara beslut" });
        await Assertions.Expect(decide).ToBeEnabledAsync();
        await page.GetByLabel("Motivering").FillAsync("Mentorerna behöver det.");
        await decide.ClickAsync();
        await page.GetByTestId("studio-link").ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/tools/[0-9a-f-]{36}/studio$"));
        await WaitForStudioAsync(page);
        await Assertions.Expect(page.GetByTestId("editor-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("publish-tool-reason")).ToContainTextAsync("aktiv version");
        await Screenshot(page, "01-studio-empty");
        return page;
    }

    private async Task WriteRunAndSaveAsync(IPage page, string csv, string tag, bool firstDraft)
    {
        if (firstDraft)
        {
            await page.GetByTestId("create-draft").ClickAsync();
            await WaitForEditorAsync(page);
            Assert.Contains("import skriptoteket as st", await EditorTextAsync(page));
            await Assertions.Expect(page.GetByTestId("no-problems")).ToBeVisibleAsync();
        }

        // A syntax error is marked at its line without running anything.
        await ReplaceEditorTextAsync(page, ToolScripts.Summary(tag, broken: true));
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Rad 5");
        await Assertions.Expect(page.Locator("#studio-editor")).ToHaveAttributeAsync("data-problems", "1");
        await Assertions.Expect(page.Locator("#studio-editor .squiggly-error").First).ToBeAttachedAsync();
        output.WriteLine($"Script check round trip (server side): {await page.GetByTestId("studio").GetAttributeAsync("data-check-ms")} ms");
        await Screenshot(page, $"02-syntax-error-{tag}");

        await ReplaceEditorTextAsync(page, ToolScripts.Summary(tag));
        await Assertions.Expect(page.GetByTestId("no-problems")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#studio-editor")).ToHaveAttributeAsync("data-problems", "0");

        // The sandbox runs the unsaved text.
        var sandbox = page.GetByTestId("sandbox-panel");
        await sandbox.GetByTestId("sandbox-files").SetInputFilesAsync(csv);
        await sandbox.GetByTestId("sandbox-run").ClickAsync();
        await Assertions.Expect(sandbox.Locator("iframe")).ToHaveAttributeAsync("srcdoc", new Regex($"3 elever \\({tag}\\)"), new() { Timeout = 30_000 });
        await Assertions.Expect(sandbox.GetByTestId("sandbox-facts")).ToContainTextAsync("osparad text från redigeraren");
        await Assertions.Expect(sandbox.GetByTestId("sandbox-facts")).ToContainTextAsync("klar efter");
        await Assertions.Expect(sandbox.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("sammanstallning\\.xlsx") })).ToBeVisibleAsync();
        await sandbox.GetByRole(AriaRole.Tab, new() { Name = "stdout" }).ClickAsync();
        await Assertions.Expect(sandbox.Locator("pre.run-log").First).ToContainTextAsync("Läste 4 rader");
        await Assertions.Expect(sandbox.GetByTestId("snapshot")).ToContainTextAsync(tag);
        await Assertions.Expect(sandbox.GetByTestId("recent-runs")).ToContainTextAsync("osparad text");
        await Screenshot(page, $"03-sandbox-{tag}");

        // Ctrl+S saves the next version with a change summary.
        var before = await page.GetByTestId("editor-version").TextContentAsync();
        await page.Locator("#studio-change-summary").FillAsync($"Sammanställning {tag}");
        await page.Locator("#studio-editor .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+S");
        await Assertions.Expect(page.GetByTestId("editor-version")).Not.ToHaveTextAsync(before!);
        await Assertions.Expect(page.GetByTestId("version-history")).ToContainTextAsync($"Sammanställning {tag}");
    }

    private async Task SubmitAndPublishAsync(IPage page, int reviewedNumber)
    {
        await Assertions.Expect(page.GetByTestId("submit")).ToBeEnabledAsync();
        await page.Locator("#studio-submit-note").FillAsync("Testad i sandlådan");
        await ClickCenteredAsync(page.GetByTestId("submit"));
        var reviewed = page.Locator($"tr[data-version='{reviewedNumber}']");
        await Assertions.Expect(reviewed).ToContainTextAsync("Granskas");
        await Screenshot(page, $"04-in-review-v{reviewedNumber}");
        await ClickCenteredAsync(reviewed.GetByTestId("publish-version"));
        var active = page.Locator($"tr[data-version='{reviewedNumber + 1}']");
        await Assertions.Expect(active).ToContainTextAsync($"publicerad från v{reviewedNumber}");
        await Assertions.Expect(active).ToContainTextAsync("Aktiv");
        await Assertions.Expect(page.GetByTestId("tool-state")).ToContainTextAsync($"Aktiv version: v{reviewedNumber + 1}");
        await Screenshot(page, $"05-published-v{reviewedNumber + 1}");
    }

    private static async Task FindToolInTwoClicksAsync(IPage page, string title)
    {
        await GotoInteractiveAsync(page, "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lärare", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/professions/larare");
        await page.GetByText(title).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
    }

    /// <summary>Runs the tool as the teacher (from the tool page, or again at <paramref name="runPage"/>); returns the run page's address.</summary>
    private static async Task<string> RunAsTeacherAsync(IPage page, string csv, string tag, string? runPage = null)
    {
        if (runPage is not null)
        {
            await page.GotoAsync(runPage);
        }
        else
        {
            await WaitInteractiveAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Kör verktyget" }).ClickAsync();
            await page.WaitForURLAsync("**/run");
        }
        await WaitInteractiveAsync(page);
        // Files set on the prerendered (disabled) input would be lost: wait for the live one.
        await Assertions.Expect(page.GetByTestId("run-files")).ToBeEnabledAsync();
        await page.GetByTestId("run-files").SetInputFilesAsync(csv);
        var run = page.GetByTestId("run-button");
        await Assertions.Expect(run).ToBeEnabledAsync();
        await run.ClickAsync();
        await Assertions.Expect(page.Locator("iframe").First).ToHaveAttributeAsync("srcdoc", new Regex($"3 elever \\({tag}\\)"), new() { Timeout = 30_000 });
        var link = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("sammanstallning\\.xlsx") });
        // One click, as a teacher clicks. The link is not redrawn (keyed in RunView; measured: the same element
        // before and after, no DOM change during the click). What lost clicks was scrolling and clicking in the same
        // moment: measured, the page scrolled, the window lost focus and the page saw no mouse event at all, as when
        // the click goes into the sandboxed result frame (its own process, routed by where it was before the
        // scroll). A teacher scrolls, then clicks; so does the test: the link in view first, then a painted frame.
        await link.ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.True(bytes.Length > 100 && bytes[0] == 'P' && bytes[1] == 'K', "the download is an xlsx (zip) file");
        await Screenshot(page, $"08-teacher-run-{tag}");
        return page.Url;
    }

    private static async Task ReopenFromMyRunsAsync(IPage page, string tag)
    {
        await GotoInteractiveAsync(page, "/my-runs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Öppna" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/runs/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("iframe").First).ToHaveAttributeAsync("srcdoc", new Regex($"3 elever \\({tag}\\)"));
        await Screenshot(page, "09-my-run-reopened");
    }

    private static Task Screenshot(IPage page, string name) => ScreenshotAsync(page, name);
}
