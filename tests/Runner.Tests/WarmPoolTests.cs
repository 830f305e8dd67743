using System.Runtime.CompilerServices;
using Docker.DotNet.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;
using ContainerSpec = Skriptoteket.Grains.Execution.ContainerSpec;

namespace Skriptoteket.Runner.Tests;

/// <summary>The warm pool's own life: filled to its size, emptied when the runner image changes, when idle and on drain.</summary>
[Collection(RunnerCollection.Name)]
public sealed class WarmPoolTests(RunnerFixture fixture)
{
    private const string Trivial = "def run_tool(i, o):\n    return 'ok'\n";

    [Fact]
    public async Task A_runner_image_change_empties_the_pool_and_refills_it_from_the_new_image()
    {
        // A second tag of the same image stands for a new runner image (built by this test, removed after it).
        var newTag = "skriptoteket-runner:pool-test-" + Guid.NewGuid().ToString("N")[..8];
        var oldTag = fixture.Options.RunnerImage;
        await fixture.Docker.Client.Images.TagImageAsync(oldTag, new ImageTagParameters { RepositoryName = "skriptoteket-runner", Tag = newTag.Split(':')[1] });
        try
        {
            await fixture.Pool.WaitPrimedAsync(2, TimeSpan.FromSeconds(90));
            var before = (await fixture.ContainersOfSiloAsync()).Select(c => c.ID).ToList();
            Assert.Equal(2, before.Count);

            SetImage(newTag);
            await WaitUntilAsync(async () =>
            {
                var now = await fixture.ContainersOfSiloAsync();
                return now.Count == 2 && now.All(c => c.Image == newTag && !before.Contains(c.ID));
            });
            var outcome = await fixture.RunAsync(Trivial);

            Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        }
        finally
        {
            SetImage(oldTag);
            await WaitUntilAsync(async () => (await fixture.ContainersOfSiloAsync()).All(c => c.Image == oldTag));
            await fixture.Docker.Client.Images.DeleteImageAsync(newTag, new ImageDeleteParameters { NoPrune = true });
        }
    }

    [Fact]
    public async Task Drain_removes_every_waiting_container_and_takes_no_more()
    {
        var (pool, silo, services) = NewPool(new Dictionary<string, string?> { ["Execution:WarmPoolSize"] = "3" });
        await using (services)
        {
            pool.Start();
            await pool.WaitPrimedAsync(3, TimeSpan.FromSeconds(120));
            Assert.Equal(3, (await ContainersOfAsync(silo)).Count);

            await pool.DrainAsync();

            Assert.Empty(await ContainersOfAsync(silo));
            Assert.Null(pool.TryTake(silo, ImportProfile.Plain));
            await pool.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_idle_pool_empties_itself_and_fills_again_when_runs_come()
    {
        var (pool, silo, services) = NewPool(new Dictionary<string, string?> { ["Execution:WarmPoolIdleSeconds"] = "10" });
        await using (services)
        await using (pool)
        {
            pool.Start();
            await WaitUntilAsync(async () => (await ContainersOfAsync(silo)).Count == 2);
            await WaitUntilAsync(async () => (await ContainersOfAsync(silo)).Count == 0);

            Assert.Null(pool.TryTake(silo, ImportProfile.Plain)); // a run came: it goes cold, and the pool fills again

            await WaitUntilAsync(async () => (await ContainersOfAsync(silo)).Count == 2);
        }
    }

    [Fact]
    public async Task A_container_that_dies_while_waiting_is_never_handed_out_and_is_replaced()
    {
        await fixture.Pool.WaitPrimedAsync(2, TimeSpan.FromSeconds(90));
        var victims = await fixture.ContainersOfSiloAsync();
        foreach (var victim in victims)
        {
            await fixture.Docker.Client.Containers.KillContainerAsync(victim.ID, new ContainerKillParameters());
        }

        // Straight after the kill: the run must not get a dead container (it gets a new one or its own).
        var outcome = await fixture.Runner.RunAsync(new RunnerJob(Guid.NewGuid(), Trivial, "run_tool", [], 5), RunnerFixture.Silo, CancellationToken.None);
        await fixture.Pool.WaitPrimedAsync(2, TimeSpan.FromSeconds(90));

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.DoesNotContain(await fixture.ContainersOfSiloAsync(), c => victims.Any(v => v.ID == c.ID));
    }

    [Fact]
    public async Task A_run_of_another_silo_never_gets_this_pools_containers()
    {
        await fixture.Pool.WaitPrimedAsync(1, TimeSpan.FromSeconds(90));

        Assert.Null(fixture.Pool.TryTake("another-silo", ImportProfile.Plain));
        var taken = fixture.Pool.TryTake(RunnerFixture.Silo, ImportProfile.Plain);
        Assert.NotNull(taken);
        taken.Stream.Dispose();
        await fixture.Docker.Client.Containers.RemoveContainerAsync(taken.Id, new ContainerRemoveParameters { Force = true });
    }

    [Fact]
    public async Task A_pool_container_of_this_silo_left_created_but_never_started_is_removed_and_another_silos_is_not()
    {
        // As when the engine goes down between a create and its start: the start and the removal both fail.
        var (pool, silo, services) = NewPool(new Dictionary<string, string?> { ["Execution:WarmPoolSize"] = "0" });
        var otherSilo = "pool-test-other-" + Guid.NewGuid().ToString("N")[..8];
        var containers = fixture.Docker.Client.Containers;
        var own = (await containers.CreateContainerAsync(ContainerSpec.CreateWarm(silo, null, fixture.Options, ImportProfile.Plain))).ID;
        var others = (await containers.CreateContainerAsync(ContainerSpec.CreateWarm(otherSilo, null, fixture.Options, ImportProfile.Plain))).ID;
        try
        {
            await using (services)
            await using (pool)
            {
                pool.Start();
                await WaitUntilAsync(async () => (await ContainersOfAsync(silo)).Count == 0);

                // Another silo's "created" container may be between its create and start: it stays.
                Assert.Contains(await ContainersOfAsync(otherSilo), c => c.ID == others);
            }
        }
        finally
        {
            await containers.RemoveContainerAsync(others, new ContainerRemoveParameters { Force = true });
        }
        Assert.DoesNotContain(await ContainersOfAsync(silo), c => c.ID == own);
    }

    private void SetImage(string tag)
    {
        fixture.Configuration["Execution:RunnerImage"] = tag;
        fixture.Configuration.Reload();
    }

    private (WarmContainerPool Pool, string Silo, ServiceProvider Services) NewPool(Dictionary<string, string?> overrides) =>
        fixture.NewPool(overrides);

    private async Task<IList<ContainerListResponse>> ContainersOfAsync(string silo) =>
        await fixture.Docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Silo}={silo}"] = true },
            },
        });

    /// <summary>A condition the pool reaches on its own, within 120 s.</summary>
    private static Task WaitUntilAsync(Func<Task<bool>> condition, [CallerArgumentExpression(nameof(condition))] string what = "") =>
        Eventually.UntilAsync(condition, TimeSpan.FromSeconds(120), what);
}
