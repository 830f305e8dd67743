using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>axe-core on the main pages (SPEC §7): no serious or critical violations anywhere.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Main_pages_have_no_serious_or_critical_accessibility_violations()
    {
        var (slug, title) = await TeacherTool.PublishAsync(fixture.Database);
        var anonymous = await fixture.NewPageAsync();
        await anonymous.GotoAsync("/login");
        var problems = new List<string>(await ViolationsAsync(anonymous, "/login"));
        await anonymous.Context.CloseAsync();

        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.RunWithCsvAsync(page, slug);
        problems.AddRange(await ViolationsAsync(page, $"/tools/{slug}/run (with a result)"));
        var runId = await FirstRunIdAsync(page);
        // Starred and run: home shows "Mina favoriter" and "Senast använda", and every list its stars.
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}");
        var star = page.GetByRole(AriaRole.Button, new() { Name = $"Favorit: {title}" });
        await star.ClickAsync();
        await Assertions.Expect(star).ToHaveAttributeAsync("aria-pressed", "true");
        problems.AddRange(await ViolationsAsync(page, $"/tools/{slug} (starred, announced)"));
        await BrowserSteps.GotoInteractiveAsync(page, "/");
        var profession = await page.Locator("[data-profession]").First.GetAttributeAsync("data-profession");
        var toolId = await fixture.Database.ScalarAsync<Guid>($"SELECT id FROM tools WHERE slug = '{slug}'");

        string[] urls =
        [
            "/", $"/?q={Uri.EscapeDataString(title)}", $"/professions/{profession}", $"/tools/{slug}", $"/tools/{slug}/run", "/my-runs", $"/runs/{runId}",
            "/admin/tools", "/admin/users", "/admin/audit", "/admin/runs", "/admin/suggestions", "/suggestions/new",
            "/suggestions/mine", "/my-drafts", "/my-tools", "/account", "/account/password", "/admin/insights", $"/admin/tools/{toolId}/insights",
        ];
        foreach (var url in urls)
        {
            await BrowserSteps.GotoInteractiveAsync(page, url);
            problems.AddRange(await ViolationsAsync(page, url));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    internal static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string name)
    {
        // Colour contrast depends on the web fonts. Not "network idle": that state never comes when a result
        // frame appears within its half second, and Blazor's socket keeps no request open that it could wait for.
        await page.EvaluateAsync("document.fonts.ready.then(() => true)");
        // The script-result frame is sandboxed without scripts (axe cannot run inside it, and its content is
        // the tool author's); the page around it is what the application answers for.
        var result = await page.RunAxe(options: new AxeRunOptions { Iframes = false }).WaitAsync(TimeSpan.FromMinutes(2));
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Impact} {v.Id} – {v.Help}: " +
                         string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html)));
    }

    private static async Task<string> FirstRunIdAsync(IPage page)
    {
        await BrowserSteps.GotoInteractiveAsync(page, "/my-runs");
        var href = await page.GetByTestId("run-list").Locator("a[href^='/runs/']").First.GetAttributeAsync("href");
        return href!.Split('/').Last();
    }
}
