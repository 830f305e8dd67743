using Skriptoteket.EndToEnd.Tests.Teacher;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Tools;

/// <summary>
/// Contributor suggests → admin accepts → the draft tool is in the admin list → once it has an active version
/// and is published, a user finds it from home in two clicks (profession, tool).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SuggestionToCatalogWalkTests(BrowserFixture fixture)
{
    private const string Password = WalkWorld.Password;

    [Fact]
    public async Task Suggested_tool_goes_from_accepted_suggestion_to_two_clicks_from_home()
    {
        var world = new WalkWorld(fixture);
        var title = $"Närvarokoll {world.Tag}";
        var contributor = await world.AccountAsync("contributor", "bidrag");
        var admin = await world.AccountAsync("admin", "admin");
        var user = await world.AccountAsync("user", "larare");

        // The contributor suggests a tool.
        var page = await LoginAsync(contributor);
        await BrowserSteps.GotoInteractiveAsync(page, "/suggestions/new");
        // Fill only once the circuit is interactive: input typed into the prerendered page would be lost.
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Skicka förslaget" });
        await Assertions.Expect(send).ToBeEnabledAsync();
        await page.GetByLabel("Titel").FillAsync(title);
        await page.GetByLabel("Beskrivning: vad ska verktyget göra?").FillAsync("Räknar frånvaro per elev ur en CSV-export.");
        await page.GetByLabel("Lärare", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Mentorskap", new() { Exact = true }).CheckAsync();
        await send.ClickAsync();
        await page.WaitForURLAsync("**/suggestions/mine");
        await Assertions.Expect(page.GetByText(title)).ToBeVisibleAsync();

        // The admin accepts it from the queue; the draft tool appears in the admin list.
        var adminPage = await LoginAsync(admin);
        await BrowserSteps.GotoInteractiveAsync(adminPage, "/admin/suggestions");
        await adminPage.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        var decide = adminPage.GetByRole(AriaRole.Button, new() { Name = "Spara beslut" });
        await Assertions.Expect(decide).ToBeEnabledAsync();
        await adminPage.GetByLabel("Motivering").FillAsync("Efterfrågat av flera mentorer.");
        await decide.ClickAsync();
        await Assertions.Expect(adminPage.GetByRole(AriaRole.Link, new() { Name = "Öppna verktyget" })).ToBeVisibleAsync();
        await BrowserSteps.GotoInteractiveAsync(adminPage, "/admin/tools");
        var row = adminPage.Locator(".tools tr", new() { HasText = title });
        await Assertions.Expect(row).ToContainTextAsync("Utkast");

        // An active version (through the API: the editor is another area), then publish from the tool page.
        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await adminPage.WaitForURLAsync(new Regex("/admin/tools/[0-9a-f-]{36}$"));
        var toolId = adminPage.Url.Split('/').Last();
        using (var adminApi = await world.ApiAsync(admin))
        {
            var draft = await adminApi.PostAsync($"api/v1/tools/{toolId}/versions");
            var draftId = draft.GetProperty("id").GetGuid();
            await adminApi.PostAsync($"api/v1/tool-versions/{draftId}/submit-review", new { reviewNote = "Startskriptet räcker" });
            var active = await adminApi.PostAsync($"api/v1/tool-versions/{draftId}/publish");
            var next = await adminApi.PostAsync($"api/v1/tools/{toolId}/versions", new { derivedFrom = active.GetProperty("id").GetGuid() });
            await adminApi.PostAsync($"api/v1/tool-versions/{next.GetProperty("id").GetGuid()}", new
            {
                baseVersionId = next.GetProperty("id").GetGuid(),
                source = "# Räknar frånvaro\n" + "def run_tool(input_path, output_dir):\n    return '<p>ok</p>'\n",
                changeSummary = "Egen tabell",
            });
        }

        // Version history: compare the active version (v2) with the saved draft (v4) side by side.
        await BrowserSteps.GotoInteractiveAsync(adminPage, $"/admin/tools/{toolId}/versions");
        await Assertions.Expect(adminPage.Locator(".versions[data-interactive=true]")).ToBeVisibleAsync();
        await adminPage.GetByLabel("Jämför från v2").CheckAsync();
        await adminPage.GetByLabel("Jämför till v4").CheckAsync();
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Jämför A och B" }).ClickAsync();
        await Assertions.Expect(adminPage.Locator("table.diff")).ToContainTextAsync("# Räknar frånvaro");
        await Assertions.Expect(adminPage.Locator("table.diff td.diff-inserted, table.diff td.diff-modified").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(adminPage, "version-diff");
        await BrowserSteps.GotoInteractiveAsync(adminPage, $"/admin/tools/{toolId}");
        var publish = adminPage.GetByRole(AriaRole.Button, new() { Name = "Publicera i katalogen" });
        await Assertions.Expect(publish).ToBeEnabledAsync();
        await publish.ClickAsync();
        await Assertions.Expect(adminPage.GetByText("Publicerad").First).ToBeVisibleAsync();

        // A user finds it from home in two clicks.
        var userPage = await LoginAsync(user);
        await BrowserSteps.GotoInteractiveAsync(userPage, "/");
        await userPage.GetByRole(AriaRole.Link, new() { Name = "Lärare", Exact = true }).ClickAsync();
        await userPage.WaitForURLAsync("**/professions/larare");
        await userPage.GetByText(title).ClickAsync();
        await userPage.WaitForURLAsync("**/tools/narvarokoll-*");
        await Assertions.Expect(userPage.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Assertions.Expect(userPage.GetByRole(AriaRole.Link, new() { Name = "Kör verktyget" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(userPage, "tool-page");
    }

    private async Task<IPage> LoginAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }
}
