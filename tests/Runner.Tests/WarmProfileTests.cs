using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Runner.Tests;

/// <summary>
/// Warm containers per import profile (docs/execution.md, "Warm pool"): a container imports only the curated libraries
/// its runs' scripts import, the pool follows what its runs ask for, and a script in a container that lacks its
/// libraries imports them itself. Each test has a pool of its own silo, so its demand is its own.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class WarmProfileTests(RunnerFixture fixture)
{
    /// <summary>Imports nothing heavy (its profile is plain); says whether pandas was loaded before it ran.</summary>
    private const string PlainProbe = """
        import sys
        def run_tool(input_path, output_dir):
            return str("pandas" in sys.modules)
        """;

    /// <summary>Imports pandas itself; says whether pandas was loaded before that import, and uses it.</summary>
    private const string PandasTool = """
        import sys
        def run_tool(input_path, output_dir):
            before = "pandas" in sys.modules
            import pandas as pd
            return f"{before};{pd.DataFrame({'a': [1, 2]})['a'].sum()}"
        """;

    private static readonly ImportProfile Pandas = ImportProfile.OfPackages("pandas");

    [Fact]
    public async Task Plain_demand_turns_the_pool_plain_and_a_pandas_script_in_a_plain_container_imports_pandas_itself()
    {
        var (pool, silo, services) = fixture.NewPool(new Dictionary<string, string?> { ["Execution:WarmPoolSize"] = "2" });
        await using (services)
        await using (pool)
        {
            var runner = RunnerOf(pool, services);
            pool.Start();
            await pool.WaitPrimedAsync(2, TimeSpan.FromSeconds(120));

            // Before any demand the pool is full, as before profiles: the first plain run finds pandas loaded.
            var first = await RunAsync(runner, silo, PlainProbe);
            Assert.Equal(ImportProfile.Full, first.WarmProfile);
            Assert.Equal("True", first.Completion.Output.Html);

            // The refill and then the swap of the remaining full container follow the plain demand.
            await WaitUntilAsync(() => pool.PrimedOf(ImportProfile.Plain) == 2 && pool.Idle == 2);
            var plain = await RunAsync(runner, silo, PlainProbe);
            var pandas = await RunAsync(runner, silo, PandasTool);

            Assert.Equal(ImportProfile.Plain, plain.WarmProfile);
            Assert.Equal("False", plain.Completion.Output.Html);
            Assert.Equal(ImportProfile.Plain, pandas.WarmProfile);
            Assert.Equal(RunStatus.Succeeded, pandas.Completion.Status);
            Assert.Equal("False;3", pandas.Completion.Output.Html);
        }
    }

    [Fact]
    public async Task A_pandas_tool_finds_pandas_imported_when_its_runs_ask_for_pandas()
    {
        var (pool, silo, services) = fixture.NewPool(new Dictionary<string, string?> { ["Execution:WarmPoolSize"] = "1" });
        await using (services)
        await using (pool)
        {
            var runner = RunnerOf(pool, services);
            pool.Start();
            await pool.WaitPrimedAsync(1, TimeSpan.FromSeconds(120));

            var first = await RunAsync(runner, silo, PandasTool);
            await WaitUntilAsync(() => pool.PrimedOf(Pandas) == 1);
            var later = await RunAsync(runner, silo, PandasTool);

            Assert.Equal(ImportProfile.Full, first.WarmProfile);
            Assert.Equal("True;3", first.Completion.Output.Html);
            Assert.Equal(Pandas, later.WarmProfile); // only pandas imported: no more than its runs need
            Assert.Equal(Pandas, later.Imports);
            Assert.Equal("True;3", later.Completion.Output.Html);
        }
    }

    private DockerContainerRunner RunnerOf(WarmContainerPool pool, ServiceProvider services) =>
        new(fixture.Docker, services.GetRequiredService<IOptionsMonitor<ExecutionOptions>>(), NullLogger<DockerContainerRunner>.Instance, pool);

    private static async Task<RunnerOutcome> RunAsync(DockerContainerRunner runner, string silo, string source)
    {
        var outcome = await runner.RunAsync(new RunnerJob(Guid.NewGuid(), source, "run_tool", [], 30), silo, CancellationToken.None);
        Assert.True(outcome.Completion.Status == RunStatus.Succeeded,
            $"{outcome.Completion.Status}: {outcome.Completion.Output.ErrorSummary} {outcome.Completion.InternalError}");
        return outcome;
    }

    private static Task WaitUntilAsync(Func<bool> condition, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(condition))] string what = "") =>
        Eventually.UntilAsync(condition, TimeSpan.FromSeconds(120), what);
}
