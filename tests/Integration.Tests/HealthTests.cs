namespace Skriptoteket.Integration.Tests;

public sealed class HealthTests : HostTestBase
{
    [Fact]
    public async Task Healthz_reports_postgres_orleans_and_docker_healthy_on_a_fresh_database()
    {
        var host = await StartHostAsync();

        using var response = await host.Http.GetAsync("healthz");
        var health = await HealthDetailsAsync(host);

        var checks = health.GetProperty("checks");
        Assert.True(response.IsSuccessStatusCode, $"healthz answered {(int)response.StatusCode}: {health}");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var name in new[] { "postgresql", "orleans", "docker" })
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        }
        Assert.Contains("PostgreSQL 15", checks.GetProperty("postgresql").GetProperty("description").GetString());
        Assert.Equal(1, checks.GetProperty("orleans").GetProperty("data").GetProperty("activeSilos").GetInt32());
    }

    [Fact]
    public async Task Anonymous_callers_see_statuses_only_and_admins_the_details()
    {
        var host = await StartHostAsync();

        using var response = await host.Http.GetAsync("healthz");
        var anonymous = await response.Content.ReadAsStringAsync();
        var details = (await HealthDetailsAsync(host)).GetRawText();

        Assert.True(response.IsSuccessStatusCode, anonymous);
        Assert.Contains("\"orleans\"", anonymous);
        Assert.Contains("\"status\": \"Healthy\"", anonymous);
        // Versions, the image tag, the silo, the installation id: an attacker's map, for admins only.
        foreach (var secret in new[] { "PostgreSQL 15", "skriptoteket-runner", "installationId", "lastSiloName", "description", "activeSilos" })
        {
            Assert.DoesNotContain(secret, anonymous);
            Assert.Contains(secret, details);
        }
    }

    [Fact]
    public async Task Healthz_reports_docker_unhealthy_when_the_engine_is_unreachable()
    {
        var host = await StartHostAsync(new Dictionary<string, string>
        {
            ["Execution__DockerEndpoint"] = "unix:///tmp/no-docker-here.sock",
        });

        using var response = await host.Http.GetAsync("healthz");
        var health = await HealthDetailsAsync(host);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("Unhealthy", health.GetProperty("checks").GetProperty("docker").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_front_page_and_the_dashboard_are_served()
    {
        var host = await StartHostAsync();

        var home = await host.Http.GetStringAsync("");
        using var css = await host.Http.GetAsync("_content/MudBlazor/MudBlazor.min.css");
        using var dashboard = await host.Http.GetAsync("dashboard/");

        Assert.Contains("Skriptoteket", home);
        Assert.True(css.IsSuccessStatusCode, "MudBlazor's stylesheet must be served from a plain build");
        Assert.True(dashboard.IsSuccessStatusCode, $"dashboard answered {(int)dashboard.StatusCode}");
    }
}
