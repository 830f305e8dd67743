using Microsoft.Playwright;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// Issue 18: at 1366 px the editor has room (at least 800 px wide), and it never stays scrolled sideways after its
/// whole text is replaced (a paste over everything, another draft opened): the first column is in view.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorLayoutTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string ScrollLeft = "() => window.blazorMonaco.editors.find(e => e.id === 'studio-editor').editor.getScrollLeft()";

    [Fact]
    public async Task The_editor_is_wide_at_1366_and_shows_the_first_column_after_a_paste_and_a_draft_switch()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, async () =>
        {
            // v2: a script with a long line; v3: a second head draft (the starter), which the studio opens.
            var (page, _) = await OpenTwoDraftsAsNewAdminAsync(fixture, "bredd",
                "def run_tool(input_path, output_dir):\n    # " + string.Concat(Enumerable.Repeat("en lång kommentar ", 25)) + "\n    return '<p>v2</p>'\n");

            var box = await page.Locator("#studio-editor").BoundingBoxAsync();
            Assert.True(box!.Width >= 800, $"The editor is {box.Width} px wide at 1366 px.");

            // A pasted script ending in a long line: the cursor stands at its end, but the code is shown from its first column.
            await ReplaceEditorTextAsync(page, "def run_tool(input_path, output_dir):\n    return '" + new string('x', 400) + "'");
            await page.WaitForFunctionAsync(ScrollLeft + " === 0");

            // Scrolled sideways to read the long line, then another draft opened: it starts at its first column.
            await page.Keyboard.PressAsync("Home");
            await page.Keyboard.PressAsync("End");
            await page.WaitForFunctionAsync(ScrollLeft + " > 0");
            await ClickCenteredAsync(page.Locator("tr[data-version='2']").GetByTestId("edit-version"));
            await Assertions.Expect(page.GetByTestId("editor-version")).ToHaveTextAsync("Redigerar utkast v2");
            Assert.Contains("en lång kommentar", await EditorTextAsync(page));
            await page.WaitForFunctionAsync(ScrollLeft + " === 0");
            await ScreenshotAsync(page, "18-studio-wide-editor");
        });
    }
}
