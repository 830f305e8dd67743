using Microsoft.Playwright;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// Nothing typed is lost (docs/studio.md): text typed a moment before another draft is opened, before the page
/// had heard of it (the editor tells the server only after a pause), is kept aside as "Din osparade text".
/// Found in a newcomer walk: the line typed just before "Redigera" on another draft was gone without a word.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UnsavedTextTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_line_typed_just_before_another_draft_is_opened_is_kept_aside()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, async () =>
        {
            var (page, _) = await OpenTwoDraftsAsNewAdminAsync(fixture, "osparat",
                "def run_tool(input_path, output_dir):\n    return '<p>v2</p>'\n");

            await page.Locator("#studio-editor .view-lines").ClickAsync();
            await page.Keyboard.PressAsync("Control+End");
            await page.Keyboard.TypeAsync("\n# min viktiga rad");
            await ClickCenteredAsync(page.Locator("tr[data-version='2']").GetByTestId("edit-version"));

            await Assertions.Expect(page.GetByTestId("editor-version")).ToHaveTextAsync("Redigerar utkast v2");
            await Assertions.Expect(page.GetByTestId("rescued")).ToContainTextAsync("# min viktiga rad");
        });
    }
}
