using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// Issue 21's worked examples with steps in the browser (docs/adr/0012-worked-examples.md, "Examples with steps"): an
/// admin adds a three-step example in the studio (the first run's field and the two steps after it with their values),
/// runs it, accepts the last step's result and sees the check unchanged; after the last step's text changes and the
/// script is saved, the new version's check shows changed with the diff.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MultiStepExampleWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Script =
        "import skriptoteket as st\n\ndef run_tool(input_path, output_dir):\n" +
        "    if st.current_step is None:\n" +
        "        st.state['klass'] = st.field('klass')\n" +
        "        return [st.notice('Klass ' + st.field('klass')), st.step('storlek', 'Välj storlek', [\n" +
        "            {'name': 'storlek', 'kind': 'integer', 'label': 'Storlek', 'min': 2, 'max': 5, 'required': True}])]\n" +
        "    if st.current_step == 'storlek':\n" +
        "        st.state['storlek'] = st.fields['storlek']\n" +
        "        return [st.notice('Storlek %d' % st.fields['storlek']), st.step('namnge', 'Namnge', [\n" +
        "            {'name': 'prefix', 'kind': 'short_text', 'label': 'Namn', 'required': True}])]\n" +
        "    return [st.markdown('%s %d: %s' % (st.state['klass'], st.state['storlek'], st.fields['prefix']))]\n";

    private static readonly object Inputs = new
    {
        fields = new object[] { new { name = "klass", kind = "one_choice", label = "Klass", required = true, options = new[] { "7A", "7B" } } },
        files = new { minFiles = 0, maxFiles = 0 },
    };

    [Fact]
    public async Task An_admin_saves_a_three_step_example_its_check_is_unchanged_and_a_changed_last_step_shows_the_diff()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        var (admin, toolId) = await new WalkWorld(fixture).AdminWithDraftAsync("steg", "Steg", "Tre steg.", Script, "Tre steg", Inputs);

        var page = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/studio");
        await WaitForStudioAsync(page);
        var panel = page.GetByTestId("examples-panel");
        await panel.GetByTestId("example-add").Locator("summary").ClickAsync();
        await panel.GetByTestId("example-name").FillAsync("Tre steg");
        await ClickCenteredAsync(panel.GetByTestId("field-klass").Locator(".mud-select").First);
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("7A", new() { Exact = true }).ClickAsync();
        var steps = new[] { ("storlek", """{"storlek": 3}"""), ("namnge", """{"prefix": "Grupp"}""") };
        foreach (var (index, (step, values)) in steps.Index())
        {
            await ClickCenteredAsync(panel.GetByTestId("example-step-add"));
            // The row by its number, not .Last: right after the click .Last may still be the row before it,
            // until the circuit renders the new one (CI filled the first row twice that way).
            var row = panel.GetByTestId("example-step-row").Nth(index);
            await Assertions.Expect(row.GetByTestId("example-step-name")).ToBeEmptyAsync();
            await FillAsync(row.GetByTestId("example-step-name"), step);
            await FillAsync(row.GetByTestId("example-step-values"), values);
        }
        await Assertions.Expect(panel.GetByTestId("example-step-row").Nth(1).Locator("label", new() { HasText = "Steg 3: namn" })).ToBeVisibleAsync();
        await ClickCenteredAsync(panel.GetByTestId("example-add-button"));
        var example = panel.Locator("[data-testid='example'][data-example='Tre steg']");
        await Assertions.Expect(example.GetByTestId("example-steps")).ToHaveTextAsync("· 3 steg: storlek → namnge");

        // "Kör exempel" takes the first run and both steps; the check holds the last step's result.
        await ClickCenteredAsync(example.GetByTestId("example-run"));
        var check = panel.Locator("[data-testid='example-check'][data-example='Tre steg']");
        await Assertions.Expect(check).ToHaveAttributeAsync("data-status", "no_expected", new() { Timeout = 90_000 });
        await ClickCenteredAsync(example.GetByTestId("example-accept"));
        await Assertions.Expect(check).ToHaveAttributeAsync("data-status", "unchanged", new() { Timeout = 30_000 });
        await ScreenshotAsync(page, "24-studio-example-with-steps");

        await WaitForEditorAsync(page);
        await ReplaceEditorTextAsync(page, Script.Replace("'%s %d: %s'", "'%s, grupper om %d: %s'"));
        await page.Locator("#studio-change-summary").FillAsync("Sista steget säger gruppstorleken");
        await ClickCenteredAsync(page.GetByTestId("save"));
        await Assertions.Expect(check).ToHaveAttributeAsync("data-status", "changed", new() { Timeout = 90_000 });
        await Assertions.Expect(check.GetByTestId("check-diff")).ToContainTextAsync("-   7A 3: Grupp");
        await Assertions.Expect(check.GetByTestId("check-diff")).ToContainTextAsync("+   7A, grupper om 3: Grupp");
    }

    private static async Task FillAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }
}
