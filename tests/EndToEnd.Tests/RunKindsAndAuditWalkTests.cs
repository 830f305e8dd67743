using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Skriptoteket.TestSupport;
using Xunit.Abstractions;
using static Skriptoteket.EndToEnd.Tests.Studio.StudioBrowser;

namespace Skriptoteket.EndToEnd.Tests;

/// <summary>
/// What newcomers found walking the product: "Mina körningar" marks test runs, filters by kind in the URL and never
/// lists example checks; the audit log names its targets (a tool's title linked, a user's name and e-mail) with the
/// id in a tooltip, and its detail keys in Swedish.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RunKindsAndAuditWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task My_runs_mark_test_runs_filter_by_kind_in_the_url_and_leave_out_example_checks()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, async () =>
        {
            var email = await new WalkWorld(fixture).AccountAsync("contributor", "forf");
            var userId = await fixture.Database.ScalarAsync<Guid>($"SELECT id FROM users WHERE email = '{email}'");
            var (toolId, versionId, _) = await ToolRows.InsertAsync(fixture.Database, "x", userId, published: true);
            var at = DateTimeOffset.UtcNow.AddMinutes(-10);
            await InsertRunAsync(userId, toolId, versionId, "production", "succeeded", at);
            await InsertRunAsync(userId, toolId, versionId, "sandbox", "failed", at.AddMinutes(1));
            await InsertRunAsync(userId, toolId, versionId, "example_check", "timed_out", at.AddMinutes(2));

            var page = await LoginAsync(fixture, email);
            await GotoInteractiveAsync(page, "/my-runs");
            var rows = page.GetByTestId("run-list").Locator("tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(page.GetByTestId("run-row-status")).ToHaveTextAsync(["Misslyckades", "Klar"]);
            await Assertions.Expect(page.GetByTestId("run-kind-chip")).ToHaveTextAsync(["Testkörning"]);
            await Assertions.Expect(page.GetByTestId("kind-alla")).ToHaveAttributeAsync("aria-current", "page");

            await page.GetByTestId("kind-test").ClickAsync();
            await page.WaitForURLAsync(new Regex("/my-runs\\?typ=test$"));
            await Assertions.Expect(page.GetByTestId("run-row-status")).ToHaveTextAsync(["Misslyckades"]);
            await ScreenshotAsync(page, "30-my-runs-test-runs");

            // The filter is in the URL: opened again, the page shows the same.
            await GotoInteractiveAsync(page, "/my-runs?typ=riktiga");
            await Assertions.Expect(page.GetByTestId("kind-riktiga")).ToHaveAttributeAsync("aria-current", "page");
            await Assertions.Expect(page.GetByTestId("run-row-status")).ToHaveTextAsync(["Klar"]);
            await Assertions.Expect(page.GetByTestId("run-kind-chip")).ToHaveCountAsync(0);
            await page.Context.CloseAsync();
        });
    }

    [Fact]
    public async Task A_teacher_who_cannot_make_test_runs_gets_no_kind_filter()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, async () =>
        {
            var email = await new WalkWorld(fixture).AccountAsync("user", "lar");
            var userId = await fixture.Database.ScalarAsync<Guid>($"SELECT id FROM users WHERE email = '{email}'");
            var (toolId, versionId, _) = await ToolRows.InsertAsync(fixture.Database, "x", userId, published: true);
            await InsertRunAsync(userId, toolId, versionId, "production", "succeeded", DateTimeOffset.UtcNow.AddMinutes(-1));

            var page = await LoginAsync(fixture, email);
            await GotoInteractiveAsync(page, "/my-runs");

            await Assertions.Expect(page.GetByTestId("run-row-status")).ToHaveTextAsync(["Klar"]);
            await Assertions.Expect(page.GetByTestId("my-runs-kind")).ToHaveCountAsync(0);
            await page.Context.CloseAsync();
        });
    }

    [Fact]
    public async Task The_audit_log_names_tools_and_users_with_the_id_in_a_tooltip_and_swedish_detail_keys()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, async () =>
        {
            var world = new WalkWorld(fixture);
            var tag = world.Tag;
            var (admin, toolId) = await world.AdminWithToolAsync("logg", "Loggverktyg", "Syns i loggen.");
            var adminId = await fixture.Database.ScalarAsync<Guid>($"SELECT id FROM users WHERE email = '{admin}'");

            var page = await LoginAsync(fixture, BrowserFixture.SuperuserEmail, BrowserFixture.SuperuserPassword);
            await GotoInteractiveAsync(page, "/admin/audit");
            var created = page.Locator("tr", new() { HasText = "tool.created" }).Filter(new() { HasText = $"Loggverktyg {tag}" });
            var tool = created.GetByTestId("audit-target").GetByTestId("audit-name");
            await Assertions.Expect(tool).ToHaveTextAsync($"Loggverktyg {tag}");
            await Assertions.Expect(tool).ToHaveAttributeAsync("title", toolId);
            await Assertions.Expect(tool.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/admin/tools/{toolId}");

            var account = page.Locator("tr", new() { HasText = "user.created" }).Filter(new() { HasText = admin });
            var user = account.GetByTestId("audit-target").GetByTestId("audit-name");
            await Assertions.Expect(user).ToHaveTextAsync($"admin {admin[..6]} ({admin})");
            await Assertions.Expect(user).ToHaveAttributeAsync("title", adminId.ToString());
            var details = account.GetByTestId("audit-details");
            await Assertions.Expect(details).ToContainTextAsync("E-post:");
            await Assertions.Expect(details).ToContainTextAsync("Roll:");
            await Assertions.Expect(details).ToContainTextAsync("Roll:Bidragsgivare"); // the role in words (admins are made by nomination)
            await Assertions.Expect(details).Not.ToContainTextAsync("email:");
            await ScreenshotAsync(page, "31-audit-log-names");
            await page.Context.CloseAsync();
        });
    }

    private async Task InsertRunAsync(Guid by, Guid toolId, Guid versionId, string kind, string status, DateTimeOffset at)
    {
        await using var data = fixture.Database.CreateDataSource();
        await using var c = data.CreateCommand("""
            INSERT INTO runs (id, kind, status, tool_id, version_id, requested_by, created_at, started_at, finished_at)
            VALUES (gen_random_uuid(), @kind, @status, @tool, @version, @by, @at, @at, @at + interval '2 seconds')
            """);
        c.Parameters.AddWithValue("kind", kind);
        c.Parameters.AddWithValue("status", status);
        c.Parameters.AddWithValue("tool", toolId);
        c.Parameters.AddWithValue("version", versionId);
        c.Parameters.AddWithValue("by", by);
        c.Parameters.AddWithValue("at", at);
        await c.ExecuteNonQueryAsync();
    }
}
