using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Teacher;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// Issue 21: an admin writes a three-step tool in the editor and takes every step in the sandbox, unsaved: each
/// step runs the editor's text as it is then and gets the earlier steps' state; "Börja om" ends the sandbox session.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SandboxSessionWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string OneShot = """
        def run_tool(input_path, output_dir):
            return "<p>Ett steg</p>"
        """;

    private static readonly LocatorAssertionsToHaveTextOptions RunPatience = new() { Timeout = 60_000 };

    [Fact]
    public async Task An_admin_takes_all_three_steps_of_unsaved_editor_text_in_the_sandbox_and_starts_over()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        var (admin, toolId) = await new WalkWorld(fixture).AdminWithDraftAsync("provsteg", "Provsteg", "Steg i sandlådan.", OneShot, "Första",
            ToolSessionWalkTests.Inputs);
        var page = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/studio");
        await WaitForEditorAsync(page);
        await ReplaceEditorTextAsync(page, ToolSessionWalkTests.Script);
        var sandbox = page.GetByTestId("sandbox-panel");

        // The first run of the unsaved text offers step 2.
        await sandbox.Locator("#field-input-klass").FillAsync("7B");
        await ClickCenteredAsync(sandbox.GetByTestId("sandbox-run"));
        await Assertions.Expect(Step(sandbox, "storlek")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(sandbox.GetByTestId("output-notice")).ToHaveTextAsync("Klass 7B");
        await Assertions.Expect(sandbox.GetByTestId("session-step-number")).ToHaveTextAsync("Steg 2 av 3");

        await sandbox.Locator("#step-storlek-input-storlek").FillAsync("3");
        await ClickCenteredAsync(Step(sandbox, "storlek").GetByTestId("session-step-button"));
        await Assertions.Expect(Step(sandbox, "namnge")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(sandbox.GetByTestId("output-notice")).ToHaveTextAsync("Grupper om 3");
        await Assertions.Expect(sandbox.GetByTestId("session-step-number")).ToHaveTextAsync("Steg 3 av 3");

        // The author edits the last step (still unsaved): the step runs the text as it is now, with the state of both earlier steps.
        await ReplaceEditorTextAsync(page, ToolSessionWalkTests.Script.Replace("Klart:", "Färdigt:"));
        await sandbox.Locator("#step-namnge-input-namn").FillAsync("Röd");
        await ClickCenteredAsync(Step(sandbox, "namnge").GetByTestId("session-step-button"));
        await Assertions.Expect(sandbox.GetByTestId("output-notice")).ToHaveTextAsync("Färdigt: 7B, grupperna Röd om 3", RunPatience);
        await Assertions.Expect(sandbox.GetByTestId("session-done")).ToBeVisibleAsync();
        await Assertions.Expect(sandbox.GetByTestId("session-steps")).ToHaveCountAsync(0);

        // A new first run opens a new sandbox session; "Börja om" ends it and leaves the first form alone.
        await ClickCenteredAsync(sandbox.GetByTestId("sandbox-run"));
        await Assertions.Expect(Step(sandbox, "storlek")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(sandbox.GetByTestId("session-step-number")).ToHaveTextAsync("Steg 2 av 3");
        await ClickCenteredAsync(sandbox.GetByTestId("session-start-over"));
        await Assertions.Expect(sandbox.GetByTestId("session-started-over")).ToBeVisibleAsync();
        await Assertions.Expect(sandbox.GetByTestId("session-steps")).ToHaveCountAsync(0);
        await Assertions.Expect(sandbox.GetByTestId("output-notice")).ToHaveCountAsync(0);
        await Assertions.Expect(sandbox.Locator("#field-input-klass")).ToBeEditableAsync();
        await Assertions.Expect(sandbox.GetByTestId("sandbox-run")).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }

    private static ILocator Step(ILocator sandbox, string name) => sandbox.Locator($"[data-testid=session-step][data-step={name}]");
}
