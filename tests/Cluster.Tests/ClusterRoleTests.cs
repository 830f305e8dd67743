using System.Net;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Cluster.Tests;

/// <summary>
/// Roles by configuration (docs/adr/0010-cluster-roles.md): silo-only nodes answer health, readiness and metrics
/// but no page, API or dashboard; the web node serves them, and its dashboard lists every silo.
/// </summary>
public sealed class ClusterRoleTests : ClusterTestBase
{
    [Fact]
    public async Task Silo_only_nodes_serve_no_pages_and_the_web_nodes_dashboard_lists_every_silo()
    {
        await Cluster.StartAsync(("runner-1", NodeRole.Runner), ("silo-1", NodeRole.Silo), ("web-1", NodeRole.Web));

        foreach (var node in Cluster.Nodes.Where(n => n.Role != NodeRole.Web))
        {
            var http = node.Host.Http;
            foreach (var path in new[] { "", "login", "api/v1/my-runs", "dashboard", "metrics" })
            {
                using var response = await http.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{node.Name} /{path}: {(int)response.StatusCode}");
            }
            using var ready = await http.GetAsync("readyz");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("skriptoteket_runs", await ClusterProcess.ScrapeAsync(node));
        }

        using var api = await ClusterApi.LoginAsync(Cluster.Web.Host.BaseAddress);
        using var page = await api.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // The dashboard gathers every silo's figures a few seconds after they join.
        await Eventually.GetAsync(async () =>
        {
            using var counters = await api.GetAsync("dashboard/DashboardCounters");
            Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
            return await counters.Content.ReadAsStringAsync();
        }, dashboard => Cluster.Nodes.All(n => dashboard.Contains(n.SiloName)), TimeSpan.FromSeconds(60),
            "the dashboard lists every silo", TimeSpan.FromSeconds(1));
    }
}
