using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Runner.Tests;

/// <summary>Each isolation rule checked twice: on the container's configuration and from inside the running script.</summary>
[Collection(RunnerCollection.Name)]
public sealed class ContainerIsolationTests(RunnerFixture fixture)
{
    private const string WaitingScript = """
        import time
        def run_tool(input_path, output_dir):
            time.sleep(30)
            return "late"
        """;

    [Fact]
    public async Task Container_is_configured_with_every_isolation_rule()
    {
        var runId = Guid.NewGuid();
        using var cancel = new CancellationTokenSource();
        var run = fixture.RunAsync(runId, WaitingScript, 30, cancel.Token);
        var container = await WaitForContainerAsync(runId);
        var inspect = await fixture.Docker.Client.Containers.InspectContainerAsync(container);
        var host = inspect.HostConfig;

        Assert.Equal("none", host.NetworkMode);
        Assert.True(host.ReadonlyRootfs);
        Assert.Equal(ContainerSpec.RunnerUser, inspect.Config.User);
        Assert.Equal(["ALL"], host.CapDrop);
        Assert.Contains("no-new-privileges", host.SecurityOpt);
        Assert.Equal(fixture.Options.PidsLimit, host.PidsLimit);
        Assert.Equal(fixture.Options.MemoryBytes, host.Memory);
        Assert.Equal(host.Memory, host.MemorySwap);
        Assert.Equal(fixture.Options.NanoCpus, host.NanoCPUs);
        Assert.False(host.Privileged);
        Assert.True(host.Binds is null || host.Binds.Count == 0);
        Assert.DoesNotContain(inspect.Mounts, m => m.Type == "bind" || m.Source.Contains("docker.sock"));
        Assert.Equal(["/tmp", "/work"], host.Tmpfs.Keys.Order());
        Assert.Equal("none", host.IpcMode);
        Assert.All(host.Tmpfs.Values, v => Assert.Contains("size=", v));
        Assert.Equal("/" + ContainerSpec.NameFor(runId), inspect.Name);
        if (fixture.PoolOn)
        {
            // Made before the run existed: the pool label instead of the run's (labels cannot change), renamed for the run.
            Assert.Equal("warm", inspect.Config.Labels[ContainerLabels.Pool]);
            Assert.False(inspect.Config.Labels.ContainsKey(ContainerLabels.RunId));
        }
        else
        {
            Assert.Equal(runId.ToString(), inspect.Config.Labels[ContainerLabels.RunId]);
        }
        Assert.Equal(RunnerFixture.Silo, inspect.Config.Labels[ContainerLabels.Silo]);
        Assert.Equal("json-file", host.LogConfig.Type);

        await cancel.CancelAsync();
        var outcome = await run;
        Assert.Equal(RunStatus.Canceled, outcome.Completion.Status);
        Assert.Empty(await fixture.ContainersOfRunAsync(runId));
    }

    [Fact]
    public async Task A_run_canceled_at_any_moment_of_its_start_is_canceled_and_leaves_no_container()
    {
        // A cancel while the create request is in flight must not strand a created, never started container.
        foreach (var delayMs in new[] { 0, 1, 2, 5, 10, 20, 40, 80, 160, 320 })
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(delayMs));
            var outcome = await fixture.RunAsync(WaitingScript, 30, cancel.Token);
            Assert.True(outcome.Completion.Status == RunStatus.Canceled, $"canceled after {delayMs} ms: {outcome.Completion.Status}");
        }
    }

    [Fact]
    public async Task Script_sees_no_privileges_no_network_no_socket_and_a_read_only_root()
    {
        var outcome = await fixture.RunAsync("""
            import os, socket
            def run_tool(input_path, output_dir):
                status = open("/proc/self/status").read()
                cap = [l.split()[1] for l in status.splitlines() if l.startswith("CapEff")][0]
                nnp = [l.split()[1] for l in status.splitlines() if l.startswith("NoNewPrivs")][0]
                try:
                    open("/etc/evil", "w")
                    root = "writable"
                except OSError:
                    root = "readonly"
                try:
                    with open("/dev/shm/evil", "w") as f:
                        f.write("x")
                    shm = "writable"
                except OSError:
                    shm = "none"
                try:
                    socket.create_connection(("10.0.0.1", 80), timeout=2)
                    net = "connected"
                except OSError:
                    net = "nonet"
                ifaces = ",".join(sorted(os.listdir("/sys/class/net")))
                sock = any(os.path.exists(p) for p in ("/var/run/docker.sock", "/run/docker.sock"))
                return f"uid={os.getuid()} cap={cap} nnp={nnp} root={root} shm={shm} net={net} ifaces={ifaces} sock={sock}"
            """);

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Equal("uid=10001 cap=0000000000000000 nnp=1 root=readonly shm=none net=nonet ifaces=lo sock=False", outcome.Completion.Output.Html);
    }

    private async Task<string> WaitForContainerAsync(Guid runId) =>
        (await Eventually.GetAsync(() => fixture.ContainersOfRunAsync(runId), found => found.Count == 1 && found[0].State == "running",
            TimeSpan.FromSeconds(20), $"the container of run {runId} running", TimeSpan.FromMilliseconds(50)))[0].ID;
}
