using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>Two editors on one draft: the second save gets the conflict view with both texts and loses nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorConflictTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_second_save_on_one_draft_shows_both_texts_and_keeps_the_unsaved_one()
    {
        var world = new WalkWorld(fixture);
        var (first, toolId) = await world.AdminWithToolAsync("konflikt", "Konflikt", "Två redigerare");
        var second = await world.AccountAsync("admin", "admin2");
        using (var api = await world.ApiAsync(first))
        {
            await api.PostAsync($"api/v1/tools/{toolId}/versions"); // set-up only: the first draft, from the starter
        }

        var pageA = await LoginAsync(fixture, first);
        var pageB = await LoginAsync(fixture, second);
        foreach (var page in new[] { pageA, pageB })
        {
            await GotoInteractiveAsync(page, $"/admin/tools/{toolId}/studio");
            await WaitForEditorAsync(page);
            await Assertions.Expect(page.GetByTestId("editor-version")).ToHaveTextAsync("Redigerar utkast v1");
        }

        var theirs = "def run_tool(input_path, output_dir):\n    return '<p>Från A</p>'\n";
        var mine = "def run_tool(input_path, output_dir):\n    return '<p>Från B, osparad</p>'\n";
        await ReplaceEditorTextAsync(pageA, theirs);
        await pageA.GetByTestId("save").ClickAsync();
        await Assertions.Expect(pageA.GetByTestId("editor-version")).ToHaveTextAsync("Redigerar utkast v2");

        await ReplaceEditorTextAsync(pageB, mine);
        await pageB.GetByTestId("save").ClickAsync();
        var conflict = pageB.GetByTestId("conflict-view");
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(conflict).ToContainTextAsync("v2");
        await Assertions.Expect(conflict.Locator("td[data-side=theirs]", new() { HasText = "Från A" })).ToBeVisibleAsync();
        await Assertions.Expect(conflict.Locator("td[data-side=mine]", new() { HasText = "Från B, osparad" })).ToBeVisibleAsync();
        await Assertions.Expect(conflict.GetByTestId("conflict-mine")).ToHaveTextAsync(mine);
        Assert.Equal(mine, await EditorTextAsync(pageB));
        await ScreenshotAsync(pageB, "10-conflict");

        // Nothing typed is lost: after a reload the browser still has the unsaved text (kept aside), and
        // "save my text after theirs" makes it v3.
        await pageB.ReloadAsync();
        await WaitForEditorAsync(pageB);
        var kept = await pageB.EvaluateAsync<string>(
            "() => Object.keys(localStorage).filter(k => k.startsWith('skriptoteket.studio.') && !k.endsWith('.rescued'))" +
            ".map(k => JSON.parse(localStorage.getItem(k)).source).join('\\n')");
        Assert.Contains("Från B, osparad", kept);
        var reopened = pageB.GetByTestId("conflict-view");
        await Assertions.Expect(reopened).ToBeVisibleAsync();
        await reopened.GetByTestId("conflict-save-mine").ClickAsync();
        await Assertions.Expect(pageB.GetByTestId("editor-version")).ToHaveTextAsync("Redigerar utkast v3");
        Assert.Equal(mine, await EditorTextAsync(pageB));
        await Assertions.Expect(pageB.GetByTestId("conflict-view")).ToHaveCountAsync(0);

        await pageA.Context.CloseAsync();
        await pageB.Context.CloseAsync();
    }
}
