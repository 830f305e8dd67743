using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Teacher;

namespace Skriptoteket.EndToEnd.Tests.Tools;

/// <summary>
/// Tool insights after real runs (docs/execution.md, "Insights"): from the tool's admin page to its insights (per
/// version, failure kinds, the author's message with its count, weeks), and the overview sorted by failure rate.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InsightsWalkTests(BrowserFixture fixture)
{
    private const string Failing = """
        import skriptoteket as st
        def run_tool(input_path, output_dir):
            raise st.ToolUserError("Kolumnen Betyg saknas.")
        """;

    [Fact]
    public async Task An_admin_sees_a_tools_runs_failures_and_message_after_two_runs_and_finds_it_first_by_failure_rate()
    {
        var (toolId, slug, version) = await PublishAsync();
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        for (var i = 0; i < 2; i++)
        {
            await BrowserSteps.RunWithCsvAsync(page, slug);
            await Assertions.Expect(page.GetByTestId("run-error")).ToHaveTextAsync("Kolumnen Betyg saknas.");
        }

        await BrowserSteps.GotoInteractiveAsync(page, $"/admin/tools/{toolId}");
        await page.GetByTestId("insights-link").ClickAsync();
        await page.WaitForURLAsync($"**/admin/tools/{toolId}/insights");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Insikter: Insiktsverktyg {slug[^8..]}" })).ToBeVisibleAsync();
        var v1 = page.GetByTestId("insights-versions").Locator($"tr[data-version='{version}']");
        await Assertions.Expect(v1.Locator("td").Nth(0)).ToHaveTextAsync("2");
        await Assertions.Expect(v1.Locator("td").Nth(1)).ToHaveTextAsync("2 (100 %)");
        await Assertions.Expect(v1.Locator("td").Nth(3)).ToContainTextAsync(" s");
        var failures = page.Locator($"[data-testid=insights-failures][data-version='{version}']");
        await Assertions.Expect(failures.Locator("[data-kind=UserError]")).ToHaveTextAsync("Verktygets eget felmeddelande: 2");
        await Assertions.Expect(failures.GetByTestId("insights-messages").Locator("li")).ToHaveTextAsync("Kolumnen Betyg saknas. – 2 gånger");
        var thisWeek = page.GetByTestId("insights-weeks").Locator("tbody tr").Last;
        await Assertions.Expect(thisWeek.Locator("td").Nth(0)).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("insights-scope")).ToContainTextAsync("har 0 sådana");

        await page.Locator("nav a[href='/admin/insights']").ClickAsync();
        await page.WaitForURLAsync("**/admin/insights");
        await page.GetByRole(AriaRole.Link, new() { Name = "Högst felandel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Högst felandel" })).ToHaveAttributeAsync("aria-current", "true");
        var row = page.Locator($"[data-testid=insights-overview] tr[data-tool='{slug}']");
        await Assertions.Expect(row.Locator("td").Last).ToHaveTextAsync("100 %");
        await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync("2");
        // Sorted by failure rate: nothing above this tool has a lower rate.
        var rates = await page.Locator("[data-testid=insights-overview] tbody tr td:last-child").AllTextContentsAsync();
        Assert.Equal("100 %", rates[0].Replace('\u00a0', ' '));
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/admin/tools/{toolId}/insights");
        await page.Context.CloseAsync();
    }

    /// <summary>A published tool made through the API as an admin makes it (tool grain, reviewed and published version).</summary>
    private async Task<(string Id, string Slug, int Version)> PublishAsync()
    {
        using var api = await new WalkWorld(fixture).SuperuserAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var slug = $"insikt-{tag}";
        var id = await api.CreateToolWithDraftAsync(slug, $"Insiktsverktyg {tag}", "Visar insikter.", Failing, "Första",
            new { fields = Array.Empty<object>(), files = new { minFiles = 1, maxFiles = 1, extensions = new[] { ".csv" } } });
        var draft = (await api.GetAsync($"api/v1/tools/{id}/versions")).EnumerateArray()
            .Single(v => v.GetProperty("isHead").GetBoolean()).GetProperty("id").GetString();
        await api.PostAsync($"api/v1/tool-versions/{draft}/submit-review", new { });
        var published = await api.PostAsync($"api/v1/tool-versions/{draft}/publish", new { });
        await api.PostAsync($"api/v1/tools/{id}/publish");
        return (id, slug, published.GetProperty("number").GetInt32());
    }
}
