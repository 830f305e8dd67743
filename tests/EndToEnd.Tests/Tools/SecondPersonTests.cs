using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Teacher;

namespace Skriptoteket.EndToEnd.Tests.Tools;

/// <summary>
/// Where a second person is (or is not) required, the page says so: the four-eyes setting on the versions page,
/// and a superuser's own nomination left to another superuser (SPEC §2), named in words in the audit log.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecondPersonTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_versions_page_says_four_eyes_is_off_and_names_its_setting()
    {
        using var api = await new WalkWorld(fixture).SuperuserAsync();
        var slug = "fyra-ogon-" + Guid.NewGuid().ToString("N")[..8];
        var toolId = await api.CreateToolWithDraftAsync(slug, "Fyra ögon", "Granskning", "def run_tool(i, o):\n    return 'ok'\n", "Första",
            new { fields = Array.Empty<object>(), files = new { minFiles = 1, maxFiles = 1, extensions = new[] { ".csv" } } });
        var draft = (await api.GetAsync($"api/v1/tools/{toolId}/versions")).EnumerateArray().First(v => v.GetProperty("isHead").GetBoolean());
        await api.PostAsync($"api/v1/tool-versions/{draft.GetProperty("id").GetString()}/submit-review", new { });

        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.GotoInteractiveAsync(page, $"/admin/tools/{toolId}/versions");

        var notice = page.GetByTestId("four-eyes");
        await Assertions.Expect(notice).ToHaveAttributeAsync("data-required", "false");
        await Assertions.Expect(notice).ToContainTextAsync("Fyraögonsprincipen är av");
        await Assertions.Expect(notice).ToContainTextAsync("Tools:RequireFourEyes");
        // Off: the author publishes their own version.
        await Assertions.Expect(page.GetByTestId("publish-version")).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_superuser_sees_why_another_superuser_decides_their_own_nomination()
    {
        using var api = await new WalkWorld(fixture).SuperuserAsync();
        var email = $"nominerad-{Guid.NewGuid():N}@skola.test";
        var nominee = await api.PostAsync("api/v1/users", new { email, displayName = "Nominerad Person", password = "Ett-långt-lösenord-42", role = "contributor" });
        var nomination = await api.PostAsync("api/v1/nominations", new { userId = nominee.GetProperty("id").GetGuid(), rationale = "Ansvarar för verktygen" });
        var secondSuperuser = await InsertSuperuserAsync();
        try
        {
            var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
            await BrowserSteps.GotoInteractiveAsync(page, "/admin/nominations");

            var card = page.Locator($"[data-testid=nomination][data-nominee='{email}']");
            await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Godkänn" })).ToBeDisabledAsync();
            await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Avslå" })).ToBeDisabledAsync();
            await Assertions.Expect(card.GetByTestId("own-nomination")).ToContainTextAsync("En annan superanvändare beslutar om nomineringen");
            await page.Context.CloseAsync();
        }
        finally
        {
            // The other browser tests make admins as the only superuser: leave them that world.
            await fixture.Database.ScalarAsync<int>($"UPDATE users SET is_active = false WHERE id = '{secondSuperuser}' RETURNING 1");
        }
        // Alone again, the superuser decides their own nomination (else nobody could).
        await api.PostAsync($"api/v1/nominations/{nomination.GetProperty("id").GetGuid()}/deny", new { note = "Inte nu" });

        // The audit log names the nomination in words, not as "nomination <id>".
        var audit = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.GotoInteractiveAsync(audit, "/admin/audit");
        await Assertions.Expect(audit.GetByTestId("audit-name").Filter(new() { HasText = $"Nominering av Nominerad Person ({email})" }).First).ToBeVisibleAsync();
        await audit.Context.CloseAsync();
    }

    private async Task<Guid> InsertSuperuserAsync()
    {
        var id = Guid.NewGuid();
        await fixture.Database.ScalarAsync<int>(
            $"INSERT INTO users (id, email, display_name, role) VALUES ('{id}', 'andra-{id:N}@skola.test', 'Andra rektorn', 'superuser') RETURNING 1");
        return id;
    }
}
