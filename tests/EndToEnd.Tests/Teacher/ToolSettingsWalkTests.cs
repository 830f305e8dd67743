using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Skriptoteket.TestSupport;
using Xunit.Abstractions;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// "Mina inställningar" as a teacher meets them: saved once on the tool's page, they reach the next run (st.settings,
/// shown by the script); when a new version no longer fits a saved value, the page names it once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ToolSettingsWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>Shows what reached the run: st.settings as JSON.</summary>
    private const string Script = """
        import json
        import skriptoteket as st

        def run_tool(input_path, output_dir):
            return "<p id='installningar'>" + json.dumps(st.settings, sort_keys=True, ensure_ascii=False) + "</p>"
        """;

    private const string FirstInputs = """
        {"fields": [], "files": {"minFiles": 0, "maxFiles": 0}, "settings": [
          {"name": "signatur", "kind": "short_text", "label": "Signatur", "help": "Står under varje brev."},
          {"name": "antal", "kind": "integer", "label": "Antal per grupp", "default": "4", "min": "2", "max": "10"}
        ]}
        """;

    // Version 3: "signatur" is gone (now "initialer"); "antal" still fits.
    private const string NextInputs = """
        {"fields": [], "files": {"minFiles": 0, "maxFiles": 0}, "settings": [
          {"name": "initialer", "kind": "short_text", "label": "Initialer"},
          {"name": "antal", "kind": "integer", "label": "Antal per grupp", "default": "4", "min": "2", "max": "10"}
        ]}
        """;

    [Fact]
    public async Task A_teacher_saves_a_setting_that_reaches_the_run_and_is_told_once_when_a_new_version_drops_it()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        var slug = await FieldsTool.PublishAsync(fixture.Database, Script, FirstInputs);
        var page = await BrowserSteps.LoginAsNewAsync(fixture, options:
            new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}");
        var panel = page.GetByTestId("settings-panel");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Mina inställningar" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#setting-input-antal")).ToHaveValueAsync("4");
        await page.Locator("#setting-input-antal").FillAsync("11");
        await page.Locator("#setting-input-signatur").FillAsync("Åsa Ö");
        await panel.GetByTestId("settings-save").ClickAsync();
        // Refused under its field, by the run's own rules; what was typed stays.
        await Assertions.Expect(panel.GetByTestId("setting-antal")).ToContainTextAsync("Antal per grupp: högst 10.");
        await Assertions.Expect(page.Locator("#setting-input-signatur")).ToHaveValueAsync("Åsa Ö");
        await page.Locator("#setting-input-antal").FillAsync("3");
        // A double click saves once and says so once.
        await panel.GetByTestId("settings-save").DblClickAsync();
        await Assertions.Expect(panel.GetByTestId("settings-status")).ToHaveTextAsync("Inställningarna är sparade.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the settings panel fits 390 px without scrolling sideways");
        var problems = (await AccessibilityTests.ViolationsAsync(page, $"/tools/{slug} (settings saved)")).ToList();

        // The next run gets them, after a reload too: they are saved, not held by the page.
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}/run");
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Klar", new() { Timeout = 60_000 });
        await Assertions.Expect(page.FrameLocator("iframe.run-result").Locator("#installningar"))
            .ToHaveTextAsync("""{"antal": 3, "signatur": "Åsa Ö"}""");

        // A new version no longer has "Signatur": the page names it once, keeps "antal", and says nothing the next time.
        await ActivateAsync(slug, NextInputs);
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}");
        await Assertions.Expect(page.GetByTestId("settings-dropped")).ToContainTextAsync("De har tagits bort: Signatur.");
        await Assertions.Expect(page.Locator("#setting-input-antal")).ToHaveValueAsync("3");
        await Assertions.Expect(page.Locator("#setting-input-initialer")).ToHaveValueAsync("");
        problems.AddRange(await AccessibilityTests.ViolationsAsync(page, $"/tools/{slug} (a setting dropped)"));
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}");
        await Assertions.Expect(page.Locator("#setting-input-antal")).ToHaveValueAsync("3");
        await Assertions.Expect(page.GetByTestId("settings-dropped")).ToHaveCountAsync(0);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    /// <summary>Makes a new version with <paramref name="inputs"/> the tool's active one (as publishing it would).</summary>
    private async Task ActivateAsync(string slug, string inputs)
    {
        await using var data = fixture.Database.CreateDataSource();
        await using var update = data.CreateCommand("""
            UPDATE tool_versions SET state = 'archived' WHERE tool_id = (SELECT id FROM tools WHERE slug = @slug) AND state = 'active';
            INSERT INTO tool_versions (id, tool_id, number, state, source, content_sha256, created_by, inputs)
            SELECT @v, id, 3, 'active', @src, @sha, created_by, @inputs::jsonb FROM tools WHERE slug = @slug;
            UPDATE tools SET active_version_id = @v WHERE slug = @slug;
            """);
        update.Parameters.AddWithValue("slug", slug);
        update.Parameters.AddWithValue("v", Guid.NewGuid());
        update.Parameters.AddWithValue("src", Script);
        update.Parameters.AddWithValue("sha", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Script + inputs))));
        update.Parameters.AddWithValue("inputs", inputs);
        await update.ExecuteNonQueryAsync();
    }
}
