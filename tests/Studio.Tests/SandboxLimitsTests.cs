using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Studio.Tests;

/// <summary>
/// The sandbox panel says the largest file the installation takes: the one upload limit the page, the API and the
/// grains check (Uploads:MaxFileBytes), not the retired Execution:MaxUploadBytes it once read by name; and the
/// timeout, memory and CPU from the Execution settings the run grain uses (RunLimits), not a copy of their defaults.
/// </summary>
public sealed class SandboxLimitsTests
{
    [Fact]
    public void The_sandbox_shows_the_upload_limit_that_runs_are_checked_against()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Execution:MaxUploadBytes"] = "1",
                ["Execution:SandboxTimeoutSeconds"] = "42",
                ["Execution:MemoryBytes"] = "268435456",
            })
            .Build();
        var uploads = Options.Create(new UploadLimits { MaxFileBytes = 5L * 1024 * 1024 });
        var runLimits = Options.Create(settings.GetSection(RunLimits.Section).Get<RunLimits>()!);

        // Only the limits are read: no grain, user or run is reached.
        var limits = new StudioService(null!, null!, Options.Create(new ToolsOptions()), runLimits, uploads, null!).Limits;

        Assert.Equal(5L * 1024 * 1024, limits.MaxUploadBytes);
        Assert.Equal(42, limits.TimeoutSeconds);
        Assert.Equal(256L * 1024 * 1024, limits.MemoryBytes);
        Assert.Equal(new RunLimits().NanoCpus, limits.NanoCpus);
    }
}
