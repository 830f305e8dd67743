using System.Formats.Tar;
using System.Text.Json;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Unit.Tests.Runs;

/// <summary>
/// Each output cap is written once, in runner-image/caps.json: the host's defaults come from it and every cap in it
/// travels in each job, so the image's own fallback never decides a run the host started.
/// </summary>
public sealed class RunnerCapsTests
{
    [Fact]
    public void Every_cap_of_the_catalogue_is_sent_with_the_hosts_value()
    {
        var catalogue = JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(CapsFile()))!;
        var options = new ExecutionOptions { HtmlCapBytes = 1234, TableRowsCap = 7 };

        var sent = JobCaps(RunnerJobTar.Build(new RunnerJob(Guid.NewGuid(), "def run_tool(i, o):\n    return ''\n", "run_tool", [], 30), options));

        Assert.Equal(catalogue.Keys.Order(), sent.Keys.Order());
        Assert.Equal(1234, sent["html_bytes"]);
        Assert.Equal(7, sent["table_rows"]);
        Assert.All(catalogue.Where(c => c.Key is not ("html_bytes" or "table_rows")), c => Assert.Equal(c.Value, sent[c.Key]));
    }

    private static Dictionary<string, long> JobCaps(byte[] tar)
    {
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Name == "job.json")
            {
                using var job = JsonDocument.Parse(entry.DataStream!);
                return job.RootElement.GetProperty("caps").Deserialize<Dictionary<string, long>>()!;
            }
        }
        throw new InvalidOperationException("The job tar has no job.json.");
    }

    private static string CapsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "runner-image", "caps.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("runner-image/caps.json above the test's folder");
    }
}
