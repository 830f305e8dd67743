using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Runs;
using Skriptoteket.Web.Api.Runs;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Unit.Tests.Web;

/// <summary>
/// Run kinds and states are spelled as in SPEC §6 in the API's JSON (by the host's JSON options) and in the runs
/// table, the same way in both, for every value (RunApiTests pins the property names through the real host).
/// </summary>
public sealed class RunJsonTests
{
    private static readonly JsonSerializerOptions HostJson = new ServiceCollection().AddToolsWeb().BuildServiceProvider()
        .GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    private static readonly RunInfo Run = new(Guid.NewGuid(), RunKind.Production, RunStatus.Queued, Guid.NewGuid(),
        Guid.NewGuid(), Guid.NewGuid(), null, RunOutput.None, [], DateTimeOffset.UnixEpoch, null, null, null);

    [Theory]
    [InlineData(RunStatus.Queued, "queued")]
    [InlineData(RunStatus.Running, "running")]
    [InlineData(RunStatus.Succeeded, "succeeded")]
    [InlineData(RunStatus.Failed, "failed")]
    [InlineData(RunStatus.TimedOut, "timed_out")]
    [InlineData(RunStatus.Canceled, "canceled")]
    [InlineData(RunStatus.Interrupted, "interrupted")]
    public void Statuses_read_the_same_in_the_api_and_the_runs_table(RunStatus status, string spelled)
    {
        var json = JsonSerializer.SerializeToElement(RunResponse.From(Run with { Status = status }), HostJson);

        Assert.Equal(spelled, json.GetProperty("status").GetString());
        Assert.Equal(spelled, RunText.Status(status));
        Assert.Equal(status, RunText.ParseStatus(spelled));
    }

    [Theory]
    [InlineData(RunKind.Sandbox, "sandbox")]
    [InlineData(RunKind.Production, "production")]
    [InlineData(RunKind.ExampleCheck, "example_check")]
    public void Kinds_read_the_same_in_the_api_and_the_runs_table(RunKind kind, string spelled)
    {
        var json = JsonSerializer.SerializeToElement(RunResponse.From(Run with { Kind = kind }), HostJson);

        Assert.Equal(spelled, json.GetProperty("kind").GetString());
        Assert.Equal(spelled, RunText.Kind(kind));
        Assert.Equal(kind, RunText.ParseKind(spelled));
    }
}
