using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// Issue 13 in the browser: an admin declares two fields (a choice of class, a number threshold) and no file in
/// the studio's form builder, saves, submits and publishes; a teacher gets the fields as a form, invalid values
/// are refused with the Swedish message before anything runs, valid ones run.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ToolFieldsWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Script = "def run_tool(input_path, output_dir):\n    return '<p>Fältverktyget körde</p>'\n";

    [Fact]
    public async Task An_admin_declares_fields_and_a_teacher_fills_them_in_with_bad_values_refused_before_any_run()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        var world = new WalkWorld(fixture);
        var (admin, toolId) = await world.AdminWithToolAsync("grupper", "Grupper", "Delar en klass i grupper.");
        var teacher = await world.AccountAsync("user", "larare");

        var page = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/studio");
        await WaitForStudioAsync(page);
        await page.GetByTestId("create-draft").ClickAsync();
        await WaitForEditorAsync(page);
        await ReplaceEditorTextAsync(page, Script);
        await BuildFieldsAsync(page);
        await ScreenshotAsync(page, "10-form-builder");

        await page.Locator("#studio-change-summary").FillAsync("Klass och gräns");
        await ClickCenteredAsync(page.GetByTestId("save"));
        await Assertions.Expect(page.GetByTestId("version-history")).ToContainTextAsync("Klass och gräns");
        await Assertions.Expect(page.GetByTestId("submit")).ToBeEnabledAsync();
        await ClickCenteredAsync(page.GetByTestId("submit"));
        var reviewed = page.Locator("tr[data-version='2']");
        await Assertions.Expect(reviewed).ToContainTextAsync("Granskas");
        await ClickCenteredAsync(reviewed.GetByTestId("publish-version"));
        await Assertions.Expect(page.GetByTestId("tool-state")).ToContainTextAsync("Aktiv version: v3");
        await ClickCenteredAsync(page.GetByTestId("publish-tool"));
        await Assertions.Expect(page.GetByText("Publicerad i katalogen")).ToBeVisibleAsync();

        var teacherPage = await LoginAsync(fixture, teacher);
        await GotoInteractiveAsync(teacherPage, $"/tools/grupper-{world.Tag}/run");
        await TeacherRunsAsync(teacherPage);
    }

    private static async Task BuildFieldsAsync(IPage page)
    {
        var builder = page.GetByTestId("inputs-builder");
        await ClickCenteredAsync(builder.GetByTestId("builder-add"));
        await ClickCenteredAsync(builder.GetByTestId("builder-add"));
        await SetAsync(page, "#builder-name-0", "klass");
        await SetAsync(page, "#builder-label-0", "Klass");
        await ChooseAsync(page, builder.GetByTestId("builder-field-0").Locator(".mud-select").First, "Ett val");
        await SetAsync(page, "#builder-options-0", "7A\n7B");
        await builder.GetByTestId("builder-field-0").GetByLabel("Obligatoriskt").CheckAsync();
        await SetAsync(page, "#builder-name-1", "grans");
        await SetAsync(page, "#builder-label-1", "Gräns");
        await SetAsync(page, "#builder-help-1", "Lägsta poäng som räknas");
        await ChooseAsync(page, builder.GetByTestId("builder-field-1").Locator(".mud-select").First, "Heltal");
        await SetAsync(page, "#builder-min-1", "0");
        await SetAsync(page, "#builder-max-1", "100");
        await SetAsync(page, "#builder-default-1", "10");
        await SetAsync(page, "#builder-min-files", "0");
        await SetAsync(page, "#builder-max-files", "0");
        await Assertions.Expect(builder.GetByTestId("inputs-problems")).ToHaveCountAsync(0);
    }

    private static async Task TeacherRunsAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("run-fields")).ToContainTextAsync("Lägsta poäng som räknas Mellan 0 och 100.");
        await Assertions.Expect(page.GetByTestId("run-files")).ToHaveCountAsync(0);
        var run = page.GetByTestId("run-button");
        await Assertions.Expect(run).ToBeEnabledAsync();

        // Bad values: the server refuses them field by field, and no run appears.
        await SetAsync(page, "#field-input-grans", "150");
        await run.ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-klass")).ToContainTextAsync("Klass: välj ett alternativ.");
        await Assertions.Expect(page.GetByTestId("field-grans")).ToContainTextAsync("Gräns: högst 100.");
        await Assertions.Expect(page.GetByTestId("run-fields-refused")).ToContainTextAsync("Några fält behöver rättas");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "11-teacher-fields-refused");

        await ChooseAsync(page, page.GetByTestId("field-klass").Locator(".mud-select").First, "7B");
        await SetAsync(page, "#field-input-grans", "50");
        await run.ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("iframe").First).ToHaveAttributeAsync("srcdoc", new Regex("Fältverktyget körde"));
        await Assertions.Expect(page.GetByTestId("field-grans")).Not.ToContainTextAsync("högst 100");
        await ScreenshotAsync(page, "12-teacher-fields-run");
    }

    /// <summary>Types into a MudBlazor text field and leaves it, so its value is bound (on change).</summary>
    private static async Task SetAsync(IPage page, string selector, string value)
    {
        var input = page.Locator(selector);
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
