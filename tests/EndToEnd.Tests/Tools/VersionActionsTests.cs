using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Studio;

namespace Skriptoteket.EndToEnd.Tests.Tools;

/// <summary>
/// Rollback is found where people look for it (the versions page and the studio's history), and a new draft from an
/// old version says before and after that it stands beside an open draft.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VersionActionsTests(BrowserFixture fixture)
{
    private static readonly object Inputs = new { fields = Array.Empty<object>(), files = new { minFiles = 1, maxFiles = 1, extensions = new[] { ".csv" } } };

    [Fact]
    public async Task A_superuser_restores_a_former_version_from_the_versions_page_after_confirming()
    {
        var tool = await ToolWithHistoryAsync();
        var page = await StudioBrowser.LoginAsync(fixture, BrowserFixture.SuperuserEmail, BrowserFixture.SuperuserPassword);
        await StudioBrowser.GotoInteractiveAsync(page, $"/admin/tools/{tool.Id}/versions");

        await StudioBrowser.ClickCenteredAsync(page.Locator($"tr[data-version='{tool.FormerActive}']").GetByRole(AriaRole.Button, new() { Name = "Återställ till denna version" }));
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"v{tool.FormerActive}");
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Återställ till v{tool.FormerActive}" }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync($"Verktyget är återställt till v{tool.FormerActive}.");
        var restored = page.Locator($"tr[data-version='{tool.OpenDraft + 1}']");
        await Assertions.Expect(restored).ToContainTextAsync("Aktiv");
        await Assertions.Expect(page.Locator($"tr[data-version='{tool.Active}']")).ToContainTextAsync("Arkiverad");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_sees_no_restore_button_but_who_can_restore()
    {
        var tool = await ToolWithHistoryAsync();
        var email = await new WalkWorld(fixture).AccountAsync("admin", "admin");
        var page = await StudioBrowser.LoginAsync(fixture, email);
        await StudioBrowser.GotoInteractiveAsync(page, $"/admin/tools/{tool.Id}/versions");

        var row = page.Locator($"tr[data-version='{tool.FormerActive}']");
        await Assertions.Expect(row.GetByTestId("rollback-reason")).ToContainTextAsync("bara en superanvändare kan återställa");
        await Assertions.Expect(page.GetByTestId("rollback")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_new_draft_beside_an_open_draft_is_confirmed_first_and_named_afterwards()
    {
        var tool = await ToolWithHistoryAsync();
        var page = await StudioBrowser.LoginAsync(fixture, BrowserFixture.SuperuserEmail, BrowserFixture.SuperuserPassword);
        await StudioBrowser.GotoInteractiveAsync(page, $"/admin/tools/{tool.Id}/studio");
        await StudioBrowser.WaitForStudioAsync(page);
        var next = tool.OpenDraft + 1;
        var newDraft = page.GetByTestId("version-history").Locator($"tr[data-version='{tool.FormerActive}']").GetByTestId("new-draft");

        // Cancelled: nothing is made.
        await StudioBrowser.ClickCenteredAsync(newDraft);
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"öppet utkast: v{tool.OpenDraft}");
        await Assertions.Expect(dialog).ToContainTextAsync($"blir v{next}");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Avbryt" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"tr[data-version='{next}']")).ToHaveCountAsync(0);

        await StudioBrowser.ClickCenteredAsync(newDraft);
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Skapa v{next} från v{tool.FormerActive}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync($"Utkast v{next} skapat från v{tool.FormerActive}.");
        await Assertions.Expect(page.GetByTestId("editor-version")).ToHaveTextAsync($"Redigerar utkast v{next}");
        await Assertions.Expect(page.Locator($"tr[data-version='{tool.OpenDraft}']")).ToContainTextAsync("Utkast");
        await page.Context.CloseAsync();
    }

    private sealed record ToolHistory(string Id, int FormerActive, int Active, int OpenDraft);

    /// <summary>Two published versions (the first now archived, so it can be restored) and an open draft after them.</summary>
    private async Task<ToolHistory> ToolWithHistoryAsync()
    {
        var world = new WalkWorld(fixture);
        var tag = world.Tag;
        using var api = await world.SuperuserAsync();
        var id = await api.CreateToolWithDraftAsync($"historik-{tag}", $"Historik {tag}", "Versioner.", "def run_tool(i, o):\n    return 'A'\n", "Första", Inputs);
        var formerActive = await PublishHeadDraftAsync(api, id);
        await api.PostAsync($"api/v1/tools/{id}/versions", new { derivedFrom = formerActive.Id });
        var active = await PublishHeadDraftAsync(api, id);
        var open = await api.PostAsync($"api/v1/tools/{id}/versions", new { derivedFrom = active.Id });
        return new ToolHistory(id, formerActive.Number, active.Number, open.GetProperty("number").GetInt32());
    }

    private static async Task<(string Id, int Number)> PublishHeadDraftAsync(ApiHelper api, string toolId)
    {
        var draft = (await api.GetAsync($"api/v1/tools/{toolId}/versions")).EnumerateArray()
            .Single(v => v.GetProperty("isHead").GetBoolean()).GetProperty("id").GetString();
        await api.PostAsync($"api/v1/tool-versions/{draft}/submit-review", new { });
        var published = await api.PostAsync($"api/v1/tool-versions/{draft}/publish", new { });
        return (published.GetProperty("id").GetString()!, published.GetProperty("number").GetInt32());
    }
}
