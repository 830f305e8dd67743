using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// Moving from one tool's studio to another's inside the app (no reload) shows the other tool's script: the walk of
/// 2026-12-07 found the editor keeping the first tool's text, and "Spara" saving it into the second tool.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorNavigationTests(BrowserFixture fixture)
{
    private static readonly object NoInputs = new { fields = Array.Empty<object>(), files = new { minFiles = 0, maxFiles = 0 } };

    [Fact]
    public async Task The_second_tools_studio_opened_in_the_app_shows_its_own_script()
    {
        var world = new WalkWorld(fixture);
        var (admin, first) = await world.AdminWithDraftAsync("forsta", "Första", "Ett.", "def run_tool(i, o):\n    return 'FORSTA'\n", "Första", NoInputs);
        string second;
        using (var api = await world.ApiAsync(admin))
        {
            second = await api.CreateToolWithDraftAsync($"andra-{world.Tag}", $"Andra {world.Tag}", "Två.",
                "def run_tool(i, o):\n    return 'ANDRA'\n", "Första", NoInputs);
        }
        var page = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(page, $"/admin/tools/{first}/studio");
        await WaitForEditorAsync(page);
        Assert.Contains("FORSTA", await EditorTextAsync(page));

        await page.EvaluateAsync($"() => Blazor.navigateTo('/admin/tools/{second}/studio')");
        await page.WaitForURLAsync($"**/admin/tools/{second}/studio");
        await WaitForEditorAsync(page);
        await Assertions.Expect(page.Locator("#studio-editor .view-lines")).ToContainTextAsync("ANDRA");

        var text = await EditorTextAsync(page); // what "Spara" reads
        Assert.Contains("ANDRA", text);
        Assert.DoesNotContain("FORSTA", text);
        await page.Context.CloseAsync();
    }
}
