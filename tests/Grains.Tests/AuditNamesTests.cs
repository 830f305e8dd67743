using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// The audit page names what its ids stand for (a tool's title, a user's name and e-mail, a version's number and
/// tool, a run's tool) from the page's rows, in one query; ids that name nothing stay ids.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditNamesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Targets_and_id_details_on_a_page_are_resolved_to_names()
    {
        var superuser = await IdentityTestUsers.InsertAsync(fixture, Role.Superuser);
        var email = $"namn-{Guid.NewGuid():N}@skola.test";
        var user = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor, email);
        var (toolId, versionId, _) = await ToolRows.InsertAsync(fixture.Database, "x", user.UserId, published: false);
        var runId = Guid.NewGuid();
        var gone = Guid.NewGuid();
        var action = $"test.names.{Guid.NewGuid():N}"[..40];
        await ExecuteAsync($$"""
            INSERT INTO runs (id, kind, status, tool_id, version_id, requested_by, created_at)
            VALUES ('{{runId}}', 'sandbox', 'succeeded', '{{toolId}}', '{{versionId}}', '{{user.UserId}}', now());
            INSERT INTO audit_log (actor_id, action, target_type, target_id, details) VALUES
                ('{{superuser.UserId}}', '{{action}}', 'tool', '{{toolId}}', '{"version_id": "{{versionId}}", "from_version_id": "{{gone}}", "slug": "x"}'),
                ('{{superuser.UserId}}', '{{action}}', 'user', '{{user.UserId}}', '{"role": "contributor"}'),
                ('{{superuser.UserId}}', '{{action}}', 'run', '{{runId}}', '{}'),
                (NULL, '{{action}}', 'runs', NULL, '{"artifact_runs": ["{{runId:N}}"]}');
            """);

        var page = await fixture.Grains.GetGrain<IIdentityQueryGrain>(0).SearchAuditAsync(superuser, new AuditFilter(action, null, null, null));

        Assert.Equal(4, page.Items.Count);
        Assert.Equal(new AuditName(AuditNameKind.Tool, "Testverktyg", null, toolId), page.Names[toolId]);
        Assert.Equal(new AuditName(AuditNameKind.Version, "Testverktyg", "1", toolId), page.Names[versionId]);
        Assert.Equal(new AuditName(AuditNameKind.User, "Test Contributor", email, null), page.Names[user.UserId]);
        Assert.Equal(new AuditName(AuditNameKind.Run, "Testverktyg", null, toolId), page.Names[runId]);
        Assert.False(page.Names.ContainsKey(gone));
    }

    [Fact]
    public async Task A_nomination_target_is_named_by_its_nominee()
    {
        var superuser = await IdentityTestUsers.InsertAsync(fixture, Role.Superuser);
        var admin = await IdentityTestUsers.InsertAsync(fixture, Role.Admin);
        var email = $"nominerad-{Guid.NewGuid():N}@skola.test";
        var nominee = await IdentityTestUsers.InsertAsync(fixture, Role.Contributor, email);
        var nomination = await fixture.Grains.GetGrain<INominationGrain>(nominee.UserId).NominateAsync(admin, "Kunnig");

        var page = await fixture.Grains.GetGrain<IIdentityQueryGrain>(0).SearchAuditAsync(superuser, new AuditFilter(AuditActions.NominationMade, null, null, null));

        Assert.Contains(page.Items, r => r.TargetType == "nomination" && r.TargetId == nomination.Id.ToString());
        Assert.Equal(new AuditName(AuditNameKind.Nomination, "Test Contributor", email, null), page.Names[nomination.Id]);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var data = fixture.Database.CreateDataSource();
        await using var c = data.CreateCommand(sql);
        await c.ExecuteNonQueryAsync();
    }
}
