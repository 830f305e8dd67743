using System.Text;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// Issue 18: a new author learns the helper module `skriptoteket` in the studio itself: the starter script uses it
/// and runs green in the sandbox, `st.` offers its names, and the help panel (button or Alt+Shift+H, also from the
/// editor) explains it with examples to copy or insert, without touching the editor's text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioHelpTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_new_tools_starter_runs_green_in_the_sandbox_and_st_dot_offers_the_helpers_names()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, async () =>
        {
            var page = await OpenNewToolAsync("start");
            await page.GetByTestId("create-draft").ClickAsync();
            await WaitForEditorAsync(page);
            Assert.Contains("import skriptoteket as st", await EditorTextAsync(page));
            await Assertions.Expect(page.GetByTestId("no-problems")).ToBeVisibleAsync();

            var sandbox = page.GetByTestId("sandbox-panel");
            await sandbox.GetByTestId("sandbox-files").SetInputFilesAsync(new FilePayload
            {
                Name = "elever.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(ToolScripts.Csv),
            });
            await ClickCenteredAsync(sandbox.GetByTestId("sandbox-run"));
            await Assertions.Expect(sandbox.GetByTestId("run-status")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });
            await Assertions.Expect(sandbox.GetByTestId("run-status")).ToHaveTextAsync("Klar");
            await Assertions.Expect(sandbox.GetByTestId("output-notice")).ToHaveTextAsync("3 rader i elever.csv.");
            await Assertions.Expect(sandbox.GetByTestId("output-table")).ToContainTextAsync("Cilla");
            await Assertions.Expect(sandbox.GetByTestId("run-error")).ToHaveCountAsync(0);

            // At the end of the script, `st.` offers the helper module's names.
            await page.Locator("#studio-editor .view-lines").ClickAsync();
            await page.Keyboard.PressAsync("Control+End");
            await page.Keyboard.TypeAsync("st.");
            var suggestions = page.Locator(".suggest-widget.visible");
            await Assertions.Expect(suggestions).ToContainTextAsync("notice");
            // The list shows about a dozen of the names at a time: typing narrows it to the one asked for.
            await page.Keyboard.TypeAsync("tab");
            await Assertions.Expect(suggestions).ToContainTextAsync("table");
            await page.Keyboard.PressAsync("Backspace");
            await page.Keyboard.PressAsync("Backspace");
            await page.Keyboard.PressAsync("Backspace");
            await page.Keyboard.TypeAsync("ToolU");
            await Assertions.Expect(suggestions).ToContainTextAsync("ToolUserError");
            await ScreenshotAsync(page, "18-studio-completions");
        });
    }

    [Fact]
    public async Task The_help_opens_by_keyboard_from_the_editor_and_an_example_is_copied_and_inserted()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, async () =>
        {
            var page = await OpenNewToolAsync("hjalp");
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
            await page.GetByTestId("create-draft").ClickAsync();
            await WaitForEditorAsync(page);
            var starter = await EditorTextAsync(page);

            // From the editor: Alt+Shift+H opens the panel and moves focus into it; nothing is typed into the script.
            await page.Locator("#studio-editor .view-lines").ClickAsync();
            await page.Keyboard.PressAsync("Alt+Shift+H");
            var help = page.GetByTestId("help-panel");
            await Assertions.Expect(help).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#studio-help-title")).ToBeFocusedAsync();
            await Assertions.Expect(help.GetByTestId("help-api")).ToContainTextAsync("st.table(columns, rows=None, title='')");
            await Assertions.Expect(help.GetByTestId("help-kinds")).ToContainTextAsync("Heltal: ett heltal (int)");
            Assert.Equal(starter, await EditorTextAsync(page));
            await ScreenshotAsync(page, "18-studio-help");

            // "Kopiera" by keyboard puts the example on the clipboard exactly as shown.
            var example = help.GetByTestId("help-example-Table");
            await example.GetByRole(AriaRole.Button, new() { Name = "Kopiera exemplet Visa ett meddelande och en tabell" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByText("Exemplet är kopierat.")).ToBeVisibleAsync();
            var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
            Assert.Equal(await example.GetByTestId("help-example-code").TextContentAsync(), copied);
            Assert.Contains("st.table([\"Namn\", \"Poäng\"]", copied);

            // Esc closes it and focus returns to the button, whose name says the shortcut.
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(help).ToHaveCountAsync(0);
            var button = page.GetByRole(AriaRole.Button, new() { Name = "Hjälp för skript (Alt+Skift+H)" });
            await Assertions.Expect(button).ToBeFocusedAsync();

            // The button by keyboard, then "Infoga i editorn": the example lands in the script, the rest stays.
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(help).ToBeVisibleAsync();
            await help.GetByRole(AriaRole.Button, new() { Name = "Infoga exemplet Läsa ett fält i editorn" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Exemplet är infogat där markören stod.")).ToBeVisibleAsync();
            var text = await EditorTextAsync(page);
            Assert.Contains("klass = st.field(\"klass\", \"7A\")", text);
            Assert.Contains("def run_tool(input_path, output_dir):", text);
        });
    }

    /// <summary>An admin and a tool without versions; the admin's page on the tool's studio.</summary>
    private async Task<IPage> OpenNewToolAsync(string name)
    {
        var (admin, toolId) = await new WalkWorld(fixture).AdminWithToolAsync(name, "Verktyg", "Nytt verktyg.");
        var page = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/studio");
        await WaitForStudioAsync(page);
        return page;
    }
}
