using System.Formats.Tar;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// Builds the one tar the wrapper reads on stdin (runner-image/PROTOCOL.md, "Input" and "Version 3"). Every run is a
/// version 3 job: a script that offers no step and keeps no state runs exactly as in version 2, and any run may open
/// a tool session (its first step), so each gets the person's settings.
/// </summary>
internal static class RunnerJobTar
{
    // Å stays two bytes rather than a six-byte escape: field values, settings and state share job.json's 1 MiB.
    private static readonly JsonSerializerOptions JobJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(RunnerJob job, ExecutionOptions options)
    {
        var jobJson = JsonSerializer.SerializeToUtf8Bytes(new
        {
            version = 3,
            entrypoint = job.Entrypoint,
            timeout_seconds = job.TimeoutSeconds,
            fields = JsonObject(job.FieldValuesJson, nameof(job.FieldValuesJson)),
            settings = JsonObject(job.SettingsJson, nameof(job.SettingsJson)),
            current_step = job.CurrentStep,
            state = JsonObject(job.StateJson, nameof(job.StateJson)),
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
                // The sessions' one limits contract decides these (runner-image/caps.json holds the same numbers).
                state_bytes = SessionLimits.MaxStateBytes,
                step_count = SessionLimits.MaxNextSteps,
                step_fields = ToolInputRules.MaxFields,
            },
        }, JobJson);
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            Add(tar, "job.json", jobJson);
            Add(tar, "script.py", Encoding.UTF8.GetBytes(job.Source));
            foreach (var input in job.Inputs)
            {
                Add(tar, "input/" + input.Name, input.Content);
            }
            foreach (var file in job.SessionFiles)
            {
                Add(tar, "session/" + file.Name, file.Content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Checked values as a JSON object (field values and settings checked against the version's declarations, the
    /// state checked when the previous step's run kept it); anything else is a bug upstream and must not reach the
    /// script as something it cannot read.
    /// </summary>
    private static JsonElement JsonObject(string? json, string what)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{what} must be a JSON object.");
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
