using System.Text.Json;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Integration.Tests;

public sealed class RestartTests : HostTestBase
{
    [Fact]
    public async Task Grain_state_survives_a_graceful_restart_and_a_hard_kill()
    {
        // Like ./run.sh after a crash: the same cluster id and silo address, so the new silo must take over from
        // the killed one's membership row rather than start a cluster of its own.
        var sameSilo = new Dictionary<string, string>
        {
            ["Orleans__ClusterId"] = "restart-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(),
        };
        var first = await StartHostAsync(sameSilo);
        var before = Installation(await HealthDetailsAsync(first));
        Assert.Equal(1, before.GetProperty("hostStarts").GetInt32());

        await first.StopAsync();
        Assert.Equal(0, first.ExitCode);

        var second = await StartHostAsync(sameSilo);
        var afterRestart = Installation(await HealthDetailsAsync(second));
        await second.KillAsync();

        var third = await StartHostAsync(sameSilo);
        var afterKill = Installation(await HealthDetailsAsync(third));

        Assert.Equal(2, afterRestart.GetProperty("hostStarts").GetInt32());
        Assert.Equal(3, afterKill.GetProperty("hostStarts").GetInt32());
        Assert.Equal(before.GetProperty("installationId").GetString(), afterKill.GetProperty("installationId").GetString());
        Assert.Equal(before.GetProperty("firstStartedAt").GetString(), afterKill.GetProperty("firstStartedAt").GetString());
        // The killed incarnation was declared dead by its successor on the same address: one active silo remains.
        Assert.Equal(1L, await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleans_membership WHERE deployment_id = '{sameSilo["Orleans__ClusterId"]}' AND status = 3"));
    }

    [Fact]
    public async Task The_data_protection_key_ring_lives_in_postgres_and_survives_a_restart()
    {
        var first = await StartHostAsync();
        await first.Http.GetStringAsync(""); // prerendering an interactive page protects state with the key ring
        var keysBefore = await Database.ScalarAsync<string>("SELECT string_agg(friendly_name, ',') FROM data_protection_keys");
        await first.StopAsync();

        var second = await StartHostAsync();
        await second.Http.GetStringAsync("");

        Assert.False(string.IsNullOrEmpty(keysBefore));
        Assert.Equal(keysBefore, await Database.ScalarAsync<string>("SELECT string_agg(friendly_name, ',') FROM data_protection_keys"));
    }

    [Fact]
    public async Task The_first_superuser_is_created_once_with_a_generated_password_printed_once()
    {
        var first = await StartHostAsync(withOperator: false);
        await first.StopAsync();
        var second = await StartHostAsync(withOperator: false);

        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE role = 'superuser'"));
        Assert.Contains("First superuser: admin@skriptoteket.local  password: ", first.Output);
        Assert.DoesNotContain("First superuser", second.Output);
        var hash = await Database.ScalarAsync<string>("SELECT password_hash FROM users");
        var password = first.Output.Split("password: ")[1].Split(' ')[0];
        Assert.DoesNotContain(password, hash);
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'user.created'"));
    }

    [Fact]
    public async Task A_host_without_a_connection_string_stops_with_a_message_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync(connectionString: ""));

        Assert.Contains("ConnectionStrings:Skriptoteket", error.Message);
    }

    [Fact]
    public async Task A_runner_silo_without_a_runner_image_stops_with_a_message_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync(Database.ConnectionString, new Dictionary<string, string> { ["Execution__RunnerImage"] = "" }));

        Assert.Contains("Execution:RunnerImage", error.Message);
    }

    private static JsonElement Installation(JsonElement health) =>
        health.GetProperty("checks").GetProperty("installation").GetProperty("data");
}
