using System.Formats.Tar;
using System.Text;
using System.Text.Json;

namespace Skriptoteket.Grains.Execution;

/// <summary>Builds the one tar the wrapper reads on stdin (runner-image/PROTOCOL.md, "Input").</summary>
internal static class RunnerJobTar
{
    public static byte[] Build(RunnerJob job, ExecutionOptions options)
    {
        var jobJson = JsonSerializer.SerializeToUtf8Bytes(new
        {
            version = 1,
            entrypoint = job.Entrypoint,
            timeout_seconds = job.TimeoutSeconds,
            caps = new
            {
                stdout_bytes = options.StdoutCapBytes,
                stderr_bytes = options.StderrCapBytes,
                html_bytes = options.HtmlCapBytes,
                artifact_count = options.ArtifactCountCap,
                artifact_total_bytes = options.ArtifactTotalBytesCap,
                artifact_bytes = options.ArtifactBytesCap,
            },
        });
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            Add(tar, "job.json", jobJson);
            Add(tar, "script.py", Encoding.UTF8.GetBytes(job.Source));
            foreach (var input in job.Inputs)
            {
                Add(tar, "input/" + input.Name, input.Content);
            }
        }
        return buffer.ToArray();
    }

    private static void Add(TarWriter tar, string name, byte[] content)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(content, writable: false),
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        };
        tar.WriteEntry(entry);
    }
}
