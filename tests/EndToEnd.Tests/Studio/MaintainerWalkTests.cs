using System.Net;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests.Studio;

/// <summary>
/// Issue 22 in Chromium against the published host: an admin makes a contributor maintainer of one tool; the
/// contributor finds it under "Mina verktyg" (also at 390 px), edits and submits it in the studio, and is refused
/// on another tool (page and API); the admin publishes, and the tool page says who maintains it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MaintainerWalkTests(BrowserFixture fixture)
{
    private const string Script = "def run_tool(input_path, output_dir):\n    return '<p>Närvaro</p>'\n";
    private const string Better = "def run_tool(input_path, output_dir):\n    return '<p>Närvaro per elev</p>'\n";
    private static readonly object NoInputs = new { fields = Array.Empty<object>(), files = new { minFiles = 1, maxFiles = 1 } };

    [Fact]
    public async Task A_maintainer_edits_and_submits_their_tool_is_refused_on_another_and_the_admin_publishes()
    {
        var world = new WalkWorld(fixture);
        var (admin, mine) = await world.AdminWithDraftAsync("narvaro", "Närvaro", "Räknar närvaro.", Script, "Första", NoInputs);
        var contributor = await world.AccountAsync("contributor", "bidrag");
        string other, otherDraft;
        using (var api = await world.ApiAsync(admin))
        {
            other = await api.CreateToolWithDraftAsync($"franvaro-{world.Tag}", $"Frånvaro {world.Tag}", "Räknar frånvaro.", Script, "Första", NoInputs);
            otherDraft = (await api.GetAsync($"api/v1/tools/{other}/versions"))[0].GetProperty("id").GetString()!;
        }

        // The admin names the contributor maintainer on the tool's page.
        var adminPage = await LoginAsync(fixture, admin);
        await GotoInteractiveAsync(adminPage, $"/admin/tools/{mine}");
        var panel = adminPage.GetByTestId("maintainers-panel");
        await Assertions.Expect(panel.GetByTestId("maintainers-none")).ToBeVisibleAsync();
        await panel.GetByLabel("Ny underhållare").FillAsync(contributor);
        await adminPage.Locator(".mud-popover-open .mud-list-item", new() { HasText = contributor }).ClickAsync();
        await panel.GetByTestId("maintainer-add").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("maintainer-name")).ToHaveCountAsync(1);

        // "Mina verktyg" lists exactly that tool, and fits a phone.
        var page = await LoginAsync(fixture, contributor);
        await page.SetViewportSizeAsync(390, 844);
        await GotoInteractiveAsync(page, "/my-tools");
        await Assertions.Expect(page.GetByTestId("my-tool-studio")).ToHaveTextAsync($"Närvaro {world.Tag} i skriptstudion");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "Mina verktyg scrolls sideways at 390 px");
        await page.SetViewportSizeAsync(1366, 900);

        // In the studio the maintainer opens the admin's draft, saves a change and submits it.
        await page.GetByTestId("my-tool-studio").ClickAsync();
        await WaitForEditorAsync(page);
        await Assertions.Expect(page.GetByTestId("maintained-by")).ToContainTextAsync("Underhålls av:");
        await Assertions.Expect(page.GetByTestId("not-maintainer")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("editor-version")).ToHaveTextAsync("Redigerar utkast v2");
        await ReplaceEditorTextAsync(page, Better);
        await ClickCenteredAsync(page.GetByTestId("save"));
        await Assertions.Expect(page.GetByTestId("editor-version")).ToHaveTextAsync("Redigerar utkast v3");
        await Assertions.Expect(page.GetByTestId("submit")).ToBeEnabledAsync();
        await ClickCenteredAsync(page.GetByTestId("submit"));
        await Assertions.Expect(page.Locator("tr[data-version='3']")).ToContainTextAsync("Granskas");
        await Assertions.Expect(page.Locator("tr[data-version='3']").GetByTestId("publish-version")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "40-maintainer-studio");

        // Another tool: the studio says why, shows none of its drafts; the API refuses its draft and examples.
        await GotoInteractiveAsync(page, $"/admin/tools/{other}/studio?version={otherDraft}");
        await WaitForStudioAsync(page);
        await Assertions.Expect(page.GetByTestId("not-maintainer")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("create-draft")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-version='2']")).ToHaveCountAsync(0);
        using (var api = await world.ApiAsync(contributor))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.TryAsync(HttpMethod.Get, $"api/v1/tool-versions/{otherDraft}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await api.TryAsync(HttpMethod.Post, $"api/v1/tool-versions/{otherDraft}",
                new { baseVersionId = otherDraft, source = Better })).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.TryAsync(HttpMethod.Post, $"api/v1/tools/{other}/examples",
                new { name = "Sjuan", files = new[] { new { name = "a.csv", contentBase64 = "YQ==" } } })).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.TryAsync(HttpMethod.Post, $"api/v1/tools/{other}/maintainers",
                new { userId = Guid.NewGuid() })).Status);
        }

        // The admin publishes the maintainer's version and the tool; the tool page names the maintainer.
        await GotoInteractiveAsync(adminPage, $"/admin/tools/{mine}/studio");
        await WaitForStudioAsync(adminPage);
        await ClickCenteredAsync(adminPage.Locator("tr[data-version='3']").GetByTestId("publish-version"));
        await Assertions.Expect(adminPage.Locator("tr[data-version='4']")).ToContainTextAsync("Aktiv");
        await ClickCenteredAsync(adminPage.GetByTestId("publish-tool"));
        await Assertions.Expect(adminPage.GetByTestId("tool-state")).ToContainTextAsync("Publicerad i katalogen");
        await GotoInteractiveAsync(page, $"/tools/narvaro-{world.Tag}");
        await Assertions.Expect(page.GetByTestId("maintained-by")).ToContainTextAsync("Underhålls av: contributor");
    }
}
