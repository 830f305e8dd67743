using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>The author's own test settings in the studio's sandbox panel reach the sandbox run as st.settings.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SandboxSettingsTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Script = """
        import json
        import skriptoteket as st

        def run_tool(input_path, output_dir):
            return "<p id='installningar'>" + json.dumps(st.settings, sort_keys=True) + "</p>"
        """;

    [Fact]
    public async Task An_author_sets_test_settings_in_the_sandbox_and_the_sandbox_run_gets_them()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        var (admin, toolId) = await new WalkWorld(fixture).AdminWithDraftAsync("provinst", "Provinställningar", "Visar inställningarna.", Script,
            "Inställningar", JsonNode.Parse("""
                {"fields": [], "files": {"minFiles": 0, "maxFiles": 0},
                 "settings": [{"name": "signatur", "kind": "short_text", "label": "Signatur", "default": "XY"}]}
                """)!);
        var page = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/studio");
        await WaitForEditorAsync(page);

        var sandbox = page.GetByTestId("sandbox-panel");
        var settings = sandbox.GetByTestId("settings-panel");
        await Assertions.Expect(settings).ToContainTextAsync("Mina testinställningar");
        await Assertions.Expect(page.Locator("#setting-input-signatur")).ToHaveValueAsync("XY");
        await page.Locator("#setting-input-signatur").FillAsync("Prov");
        await ClickCenteredAsync(settings.GetByTestId("settings-save"));
        await Assertions.Expect(settings.GetByTestId("settings-status")).ToHaveTextAsync("Inställningarna är sparade.");

        await ClickCenteredAsync(sandbox.GetByTestId("sandbox-run"));
        await Assertions.Expect(sandbox.GetByTestId("run-status")).ToHaveTextAsync("Klar", new() { Timeout = 60_000 });
        await Assertions.Expect(sandbox.FrameLocator("iframe.run-result").Locator("#installningar")).ToHaveTextAsync("""{"signatur": "Prov"}""");
        await page.Context.CloseAsync();
    }
}
