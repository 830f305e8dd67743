using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// Rough edges newcomers met in the studio: the sandbox ran a script without the file it reads (and it failed with
/// IsADirectoryError), both panels had the browser's English file inputs, "Lägg till exempel" without a name said
/// nothing and a successful add left the form filled, and requesting changes replaced the author's change summary.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioFilesAndReviewWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Script = "def run_tool(input_path, output_dir):\n    return open(input_path, encoding='utf-8').read()\n";

    private static readonly object Inputs = new { fields = Array.Empty<object>(), files = new { minFiles = 1, maxFiles = 1, extensions = new[] { ".csv" } } };

    [Fact]
    public async Task The_studio_asks_for_the_file_in_Swedish_validates_examples_and_keeps_the_authors_summary_on_review()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        var (admin, toolId) = await new WalkWorld(fixture).AdminWithDraftAsync("klasslista", "Klasslista", "Visar klasslistan.", Script,
            "Läser klasslistan", Inputs);

        var page = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/studio");
        await WaitForEditorAsync(page);
        await SandboxAsync(page);
        await ExamplesAsync(page);
        await ScreenshotAsync(page, "24-studio-file-pickers");
        await RequestChangesAsync(page, toolId);
    }

    private static async Task SandboxAsync(IPage page)
    {
        var sandbox = page.GetByTestId("sandbox-panel");
        await Assertions.Expect(sandbox.GetByTestId("sandbox-run")).ToBeDisabledAsync();
        await Assertions.Expect(sandbox.GetByTestId("sandbox-run-reason")).ToHaveTextAsync("Välj en fil först.");
        await Assertions.Expect(sandbox.GetByTestId("sandbox-drop-zone")).ToContainTextAsync("Dra filen hit eller tryck här för att välja");
        await Assertions.Expect(sandbox.GetByTestId("sandbox-accepts")).ToHaveTextAsync("Filtyper: csv. En fil per körning, högst 25 MB.");
        await sandbox.GetByTestId("sandbox-files").SetInputFilesAsync(Csv());
        // The chosen name is shown once, by the product (the native input that showed it too is invisible).
        await Assertions.Expect(sandbox.GetByTestId("sandbox-chosen")).ToHaveTextAsync("elever.csv (12 B)");
        await Assertions.Expect(sandbox.GetByTestId("sandbox-run")).ToBeEnabledAsync();
        await Assertions.Expect(sandbox.GetByTestId("sandbox-run-reason")).ToHaveCountAsync(0);
    }

    private static async Task ExamplesAsync(IPage page)
    {
        var panel = page.GetByTestId("examples-panel");
        var form = panel.GetByTestId("example-add");
        await form.Locator("summary").ClickAsync();
        await Assertions.Expect(form.GetByTestId("example-drop-zone")).ToContainTextAsync("Dra filen hit eller tryck här för att välja");
        await ClickCenteredAsync(panel.GetByTestId("example-add-button"));
        await Assertions.Expect(form).ToContainTextAsync("Exemplets namn saknas.");
        await Assertions.Expect(panel.GetByTestId("example")).ToHaveCountAsync(0);

        await panel.GetByTestId("example-name").FillAsync("Sjuan A");
        await panel.GetByTestId("example-files").SetInputFilesAsync(Csv());
        await Assertions.Expect(form.GetByTestId("example-chosen")).ToHaveTextAsync("elever.csv (12 B)");
        await ClickCenteredAsync(panel.GetByTestId("example-add-button"));
        await Assertions.Expect(panel.Locator("[data-testid='example'][data-example='Sjuan A']")).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByTestId("example-name")).ToHaveValueAsync("");
        await Assertions.Expect(form.GetByTestId("example-chosen")).ToHaveCountAsync(0);
        // The browser's own input forgot the file as well (it used to keep showing its name).
        Assert.Equal(0, await panel.GetByTestId("example-files").EvaluateAsync<int>("e => e.files.length"));
        await Assertions.Expect(form).Not.ToContainTextAsync("Exemplets namn saknas.");
    }

    private static async Task RequestChangesAsync(IPage page, string toolId)
    {
        await ClickCenteredAsync(page.GetByTestId("submit"));
        await Assertions.Expect(page.Locator("tr[data-version='2']")).ToContainTextAsync("Granskas");
        await page.Locator("#studio-review-note").FillAsync("Lägg till rubriker");
        await page.Locator("#studio-review-note").PressAsync("Tab");
        await ClickCenteredAsync(page.Locator("tr[data-version='2']").GetByTestId("request-changes"));

        var redo = page.Locator("tr[data-version='3']");
        await Assertions.Expect(redo).ToContainTextAsync("Läser klasslistan");
        await Assertions.Expect(redo).Not.ToContainTextAsync("Ändringar begärda");
        await Assertions.Expect(page.Locator("tr[data-version='2']").GetByTestId("changes-requested")).ToHaveTextAsync("Begärda ändringar: Lägg till rubriker");

        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/versions");
        await Assertions.Expect(page.Locator("tr[data-version='3']")).ToContainTextAsync("Läser klasslistan");
        await Assertions.Expect(page.Locator("tr[data-version='2']").GetByTestId("changes-requested")).ToHaveTextAsync("Begärda ändringar: Lägg till rubriker");
    }

    private static FilePayload Csv() => new() { Name = "elever.csv", MimeType = "text/csv", Buffer = "namn\nAda\nBo\n"u8.ToArray() };
}
