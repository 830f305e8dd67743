using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Studio.Tests;

/// <summary>
/// The studio and the versions page say whether the four-eyes rule holds from the same <see cref="ToolsOptions"/>
/// the tool grain refuses a self-publish with, so the notice and the refusal cannot disagree.
/// </summary>
public sealed class FourEyesSettingTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void The_studio_shows_the_four_eyes_setting_the_tool_grain_enforces(string? setting, bool required)
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{ToolsOptions.Section}:RequireFourEyes"] = setting })
            .Build();
        var tools = Options.Create(settings.GetSection(ToolsOptions.Section).Get<ToolsOptions>() ?? new ToolsOptions());

        // Only the setting is read: no grain, user or run is reached.
        Assert.Equal(required, new StudioService(null!, null!, tools, null!, null!, null!).RequireFourEyes);
    }
}
