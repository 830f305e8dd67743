using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Integration.Tests;

/// <summary>/readyz answers for PostgreSQL, membership and (on runner silos only) Docker, with states only; /metrics is never public.</summary>
public sealed class ReadinessTests : HostTestBase
{
    [Fact]
    public async Task Readyz_is_ready_with_every_dependency_named_and_nothing_else_told()
    {
        var host = await StartHostAsync();

        var (status, body) = await GetAsync(host, "readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal(["docker", "orleans", "postgresql"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetString()));
        Assert.DoesNotContain("PostgreSQL 15", body.GetRawText());
    }

    [Fact]
    public async Task A_runner_silo_without_its_docker_engine_is_not_ready()
    {
        var host = await StartHostAsync(new Dictionary<string, string>
        {
            ["Execution__DockerEndpoint"] = "unix:///tmp/no-docker-here.sock",
        });

        var (status, body) = await GetAsync(host, "readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("docker").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("postgresql").GetString());
    }

    [Fact]
    public async Task A_silo_without_execution_is_ready_without_any_docker_engine()
    {
        var host = await StartHostAsync(new Dictionary<string, string>
        {
            ["Execution__Enabled"] = "false",
            ["Execution__DockerEndpoint"] = "unix:///tmp/no-docker-here.sock",
        });

        var (status, body) = await GetAsync(host, "readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("docker").GetString());
    }

    [Fact]
    public async Task With_a_metrics_port_metrics_are_served_on_loopback_there_and_refused_on_the_main_port()
    {
        var metricsPort = FreePorts.Next();
        var host = await StartHostAsync(new Dictionary<string, string> { ["Telemetry__MetricsPort"] = metricsPort.ToString() });
        using var local = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}/") };

        var scraped = await local.GetStringAsync("metrics");
        using var main = await host.Http.GetAsync("metrics");
        // The main port must not serve it even to a caller who names the metrics port in the Host header.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "metrics");
        spoofed.Headers.Host = $"127.0.0.1:{metricsPort}";
        using var spoofedResponse = await host.Http.SendAsync(spoofed);

        Assert.Contains("skriptoteket_runs_slots", scraped);
        Assert.Contains("# TYPE", scraped);
        Assert.DoesNotContain("skriptoteket_runs", await main.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, main.StatusCode);
        Assert.DoesNotContain("skriptoteket_runs", await spoofedResponse.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HostProcess host, string path)
    {
        using var response = await host.Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
