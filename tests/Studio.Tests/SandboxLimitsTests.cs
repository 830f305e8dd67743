using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Studio.Tests;

/// <summary>
/// The sandbox panel says the largest file the installation takes: the one upload limit the page, the API and the
/// grains check (Uploads:MaxFileBytes), not the retired Execution:MaxUploadBytes it once read by name.
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
            })
            .Build();
        var uploads = Options.Create(new UploadLimits { MaxFileBytes = 5L * 1024 * 1024 });

        // Only the limits are read: no grain, user or run is reached.
        var limits = new StudioService(null!, null!, settings, uploads, null!).Limits;

        Assert.Equal(5L * 1024 * 1024, limits.MaxUploadBytes);
        Assert.Equal(42, limits.TimeoutSeconds);
    }
}
