using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Runner.Tests;

/// <summary>
/// What a run in a warm pool container sees: exactly what a run in a container made for it sees (the libraries
/// already imported aside), nothing of any earlier run, and a clock that starts at its job.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class WarmRunTests(RunnerFixture fixture)
{
    /// <summary>Everything about its process and container a script can look at, as JSON.</summary>
    private const string Probe = """
        import json, os, resource, socket, sys
        def run_tool(input_path, output_dir):
            status = dict(l.split(":", 1) for l in open("/proc/self/status").read().splitlines())
            limits = {n: resource.getrlimit(getattr(resource, n)) for n in dir(resource) if n.startswith("RLIMIT_")}
            others = sorted(open(f"/proc/{p}/cmdline", "rb").read().decode(errors="replace").replace("\0", " ").strip()
                            for p in os.listdir("/proc") if p.isdigit() and int(p) not in (os.getpid(), 1))
            return json.dumps({
                "env": dict(os.environ), "cwd": os.getcwd(), "uid": os.getuid(), "gid": os.getgid(),
                "groups": os.getgroups(), "umask": os.umask(0o022), "argv": sys.argv, "path": sys.path,
                "flags": str(sys.flags), "executable": sys.executable, "session_leader": os.getsid(0) == os.getpid(),
                "stdin": os.readlink("/proc/self/fd/0"), "fds": len(os.listdir("/proc/self/fd")),
                "oom_score_adj": open("/proc/self/oom_score_adj").read().strip(), "nice": os.nice(0),
                "caps": status["CapEff"].strip(), "no_new_privs": status["NoNewPrivs"].strip(),
                "limits": limits, "threads": status["Threads"].strip(), "other_processes": others,
                "work": sorted(os.listdir("/work")), "input": sorted(os.listdir("/work/input")),
                "output": os.listdir(output_dir), "tmp": sorted(os.listdir("/tmp")), "input_path": input_path,
                "main": sys.modules["__main__"].__file__.startswith("/opt/skriptoteket/"),
                "pandas_imported": "pandas" in sys.modules, "host": socket.gethostname(),
            })
        """;

    /// <summary>Leaves every trace a script can leave: files, a process, the environment, a changed folder.</summary>
    private const string LeaveTraces = """
        import os, socket, subprocess
        def run_tool(input_path, output_dir):
            for folder in ("/tmp", "/work", "/work/input", output_dir):
                with open(os.path.join(folder, "trace.txt"), "w") as f:
                    f.write("secret of the earlier run")
            os.environ["EARLIER_RUN"] = "secret"
            os.putenv("EARLIER_RUN_PUT", "secret")
            subprocess.Popen(["sleep", "600"], start_new_session=True)
            os.chmod("/work", 0o777)
            return socket.gethostname()
        """;

    private const string LooksForTraces = """
        import os, socket, sys
        def run_tool(input_path, output_dir):
            found = [p for p in ("/tmp/trace.txt", "/work/trace.txt", "/work/input/trace.txt", "/work/output/trace.txt") if os.path.exists(p)]
            found += [k for k in os.environ if k.startswith("EARLIER_RUN")]
            found += [p for p in os.listdir("/proc") if p.isdigit() and b"sleep" in open(f"/proc/{p}/cmdline", "rb").read()]
            mode = oct(os.stat("/work").st_mode & 0o777)
            return f"{socket.gethostname()};{'pandas' in sys.modules};{mode};{','.join(found)}"
        """;

    [Fact]
    public async Task A_warm_run_sees_exactly_what_a_cold_run_sees_but_the_imported_libraries()
    {
        Assert.True(fixture.PoolOn, "this suite runs with the warm pool on");
        var cold = new DockerContainerRunner(fixture.Docker, fixture.Monitor, NullLogger<DockerContainerRunner>.Instance);
        var input = new RunnerInput("elever.csv", "namn\nAda\n"u8.ToArray());

        var warmRun = await fixture.RunAsync(Probe, 10, CancellationToken.None, input);
        var coldRun = await cold.RunAsync(new RunnerJob(Guid.NewGuid(), Probe, "run_tool", [input], 10), RunnerFixture.Silo, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, warmRun.Completion.Status);
        Assert.Equal(RunStatus.Succeeded, coldRun.Completion.Status);
        var warm = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(warmRun.Completion.Output.Html)!;
        var coldSeen = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(coldRun.Completion.Output.Html)!;
        // The probe imports nothing heavy: the shared pool gives it a full container before plain demand, a plain one after.
        Assert.NotNull(warmRun.WarmProfile);
        Assert.Equal(warmRun.WarmProfile.Value.Covers(ImportProfile.OfPackages("pandas")), warm["pandas_imported"].GetBoolean());
        Assert.False(coldSeen["pandas_imported"].GetBoolean());
        Assert.NotEqual(warm["host"].GetString(), coldSeen["host"].GetString());
        foreach (var key in coldSeen.Keys.Except(["pandas_imported", "host"]))
        {
            Assert.True(JsonElement.DeepEquals(coldSeen[key], warm[key]), $"{key}: cold {coldSeen[key]} warm {warm[key]}");
        }
    }

    [Fact]
    public async Task No_container_serves_two_runs_and_nothing_of_one_run_reaches_the_next()
    {
        var hosts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var earlier = await fixture.RunAsync(LeaveTraces);
            var later = await fixture.RunAsync(LooksForTraces);

            Assert.Equal(RunStatus.Succeeded, earlier.Completion.Status);
            Assert.Equal(RunStatus.Succeeded, later.Completion.Status);
            var seen = later.Completion.Output.Html.Split(';');
            Assert.NotNull(later.WarmProfile); // a primed warm container served it (full or plain: the demand decides)
            Assert.Equal(later.WarmProfile.Value.Covers(ImportProfile.OfPackages("pandas")).ToString(), seen[1]);
            Assert.NotEqual("0o777", seen[2]); // the earlier run's chmod of /work
            Assert.Equal("", seen[3]);
            hosts.Add(earlier.Completion.Output.Html);
            hosts.Add(seen[0]);
        }

        // The hostname is the container's id: six runs, six containers, none of them still known to the engine.
        Assert.Equal(hosts.Count, hosts.Distinct().Count());
        var left = await fixture.ContainersOfSiloAsync();
        Assert.DoesNotContain(left, c => hosts.Any(h => c.ID.StartsWith(h, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_timeout_counts_from_the_job_not_from_when_the_container_started()
    {
        // The warm container has waited for seconds before this job; a 1.5 s script under a 3 s timeout still finishes.
        await fixture.WaitForWarmContainerAsync();
        await Eventually.UntilAsync(async () => (await fixture.ContainersOfSiloAsync()) is { Count: > 0 } waiting
                                                 && waiting.All(c => DateTime.UtcNow - c.Created.ToUniversalTime() > TimeSpan.FromSeconds(4)),
            TimeSpan.FromSeconds(30), "every waiting container is older than the 3 s timeout");
        var finishes = await fixture.RunAsync("import time\ndef run_tool(i, o):\n    time.sleep(1.5)\n    return 'klar'\n", 3);
        var tooSlow = await fixture.RunAsync("import time\ndef run_tool(i, o):\n    time.sleep(30)\n", 2);

        Assert.Equal(RunStatus.Succeeded, finishes.Completion.Status);
        Assert.Equal("klar", finishes.Completion.Output.Html);
        Assert.Equal(RunStatus.TimedOut, tooSlow.Completion.Status);
        Assert.InRange(tooSlow.Completion.ScriptMilliseconds, 1900, 4000);
    }

    [Fact]
    public async Task An_outcome_handed_back_before_removal_is_complete_and_its_container_goes_once_the_removal_ends()
    {
        var runId = Guid.NewGuid();
        await fixture.WaitForWarmContainerAsync();

        var outcome = await fixture.Runner.RunBeforeRemovalAsync(
            new RunnerJob(runId, "def run_tool(i, o):\n    return '<p>klar</p>'\n", "run_tool", [], 10), RunnerFixture.Silo, CancellationToken.None);
        await outcome.Removal;

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Equal("<p>klar</p>", outcome.Completion.Output.Html);
        Assert.Empty(await fixture.ContainersOfRunAsync(runId));
    }

    [Fact]
    public async Task Waiting_containers_yield_the_cores_and_the_run_that_takes_one_gets_a_runs_CPU_weight()
    {
        Assert.True(fixture.PoolOn, "this suite runs with the warm pool on");
        await fixture.Pool.WaitPrimedAsync(2, TimeSpan.FromSeconds(90));
        var waiting = await fixture.ContainersOfSiloAsync();
        Assert.NotEmpty(waiting);
        foreach (var container in waiting)
        {
            Assert.Equal(ContainerSpec.WarmCpuShares, await CpuSharesAsync(container.ID));
        }

        var runId = Guid.NewGuid();
        var run = fixture.RunAsync(runId, "import time\ndef run_tool(i, o):\n    time.sleep(3)\n    return 'ok'\n", 10, CancellationToken.None);
        // The run's name comes after its weight (DockerContainerRunner.ClaimAsync): named means raised.
        var running = await Eventually.GetAsync(() => fixture.ContainersOfRunAsync(runId), found => found.Count == 1,
            TimeSpan.FromSeconds(20), $"the container of run {runId}", TimeSpan.FromMilliseconds(50));
        Assert.Equal(ContainerSpec.RunCpuShares, await CpuSharesAsync(running[0].ID));
        Assert.Equal(RunStatus.Succeeded, (await run).Completion.Status);
    }

    private async Task<long> CpuSharesAsync(string id) =>
        (await fixture.Docker.Client.Containers.InspectContainerAsync(id)).HostConfig.CPUShares;
}
