using System.Formats.Tar;
using System.Text;
using System.Text.Json;

namespace Skriptoteket.Grains.Execution;

/// <summary>Builds the one tar the wrapper reads on stdin (runner-image/PROTOCOL.md, "Input", protocol v2).</summary>
internal static class RunnerJobTar
{
    public static byte[] Build(RunnerJob job, ExecutionOptions options)
    {
        var jobJson = JsonSerializer.SerializeToUtf8Bytes(new
        {
            version = 2,
            entrypoint = job.Entrypoint,
            timeout_seconds = job.TimeoutSeconds,
            fields = Fields(job.FieldValuesJson),
            caps = new
            {
                stdout_bytes = options.StdoutCapBytes,
                stderr_bytes = options.StderrCapBytes,
                html_bytes = options.HtmlCapBytes,
                artifact_count = options.ArtifactCountCap,
                artifact_total_bytes = options.ArtifactTotalBytesCap,
                artifact_bytes = options.ArtifactBytesCap,
                block_count = options.BlockCountCap,
                blocks_bytes = options.BlocksBytesCap,
                table_rows = options.TableRowsCap,
                table_columns = options.TableColumnsCap,
                cell_chars = options.CellCharsCap,
                notice_chars = options.NoticeCharsCap,
                markdown_chars = options.MarkdownCharsCap,
                title_chars = options.TitleCharsCap,
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

    /// <summary>
    /// The checked field values as a JSON object (the run form validated them against the version's declaration);
    /// anything else is a bug upstream and must not reach the script as something it cannot read.
    /// </summary>
    private static JsonElement Fields(string json)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("FieldValuesJson must be a JSON object.");
        }
        return doc.RootElement.Clone();
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
