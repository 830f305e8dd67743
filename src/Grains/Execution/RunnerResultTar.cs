using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// Reads the wrapper's result tar. Everything in it came out of an untrusted container, so names, sizes and
/// hashes are checked again here and text is cut to the caps whatever the wrapper claims.
/// </summary>
internal static partial class RunnerResultTar
{
    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}\z")]
    private static partial Regex SafeName();

    /// <summary>
    /// Parses the tar into the run's outcome (container time and OOM are the caller's to add); null when it
    /// holds no valid result.json (the caller records an internal failure). A failure the script's author did not
    /// word for the teacher (protocol v2 <c>error_kind</c> other than <c>user</c> or <c>limit</c>) gets the generic
    /// message with the run's reference; its text goes to <see cref="RunOutput.ErrorDetail"/> only.
    /// </summary>
    public static RunnerOutcome? Read(Stream tarStream, ExecutionOptions options, Guid runId)
    {
        JsonElement? result = null;
        byte[] stdout = [], stderr = [];
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var reader = new TarReader(tarStream))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    continue;
                }
                var data = ReadAll(entry.DataStream);
                switch (entry.Name)
                {
                    case "result.json": result = JsonDocument.Parse(data).RootElement.Clone(); break;
                    case "stdout.txt": stdout = data; break;
                    case "stderr.txt": stderr = data; break;
                    default:
                        if (entry.Name.StartsWith("artifacts/", StringComparison.Ordinal))
                        {
                            files[entry.Name["artifacts/".Length..]] = data;
                        }
                        break;
                }
            }
        }
        if (result is not { } r || r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("status", out var statusJson))
        {
            return null;
        }
        var status = statusJson.GetString() switch
        {
            "succeeded" => RunStatus.Succeeded,
            "timed_out" => RunStatus.TimedOut,
            _ => RunStatus.Failed,
        };
        var (html, htmlCut) = Cap(Encoding.UTF8.GetBytes(String(r, "html") ?? ""), options.HtmlCapBytes);
        var (outText, outCut) = Cap(stdout, options.StdoutCapBytes);
        var (errText, errCut) = Cap(stderr, options.StderrCapBytes);
        var skipped = new List<SkippedArtifact>();
        if (r.TryGetProperty("artifacts_skipped", out var skippedJson) && skippedJson.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in skippedJson.EnumerateArray().Take(100))
            {
                skipped.Add(new SkippedArtifact(Clip(String(s, "name") ?? "", 100), Clip(String(s, "reason") ?? "", 40)));
            }
        }
        var artifacts = CheckArtifacts(r, files, options, skipped);
        var artifactNames = artifacts.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var (blocks, blocksCut) = RunnerResultBlocks.Read(r, options, artifactNames);
        var (summary, detail) = Failure(r, status, runId);
        // Protocol v3: what a successful run keeps for its session's next step. A state the wrapper would have
        // refused fails the run (its steps could not go on without it).
        string? state = null;
        if (status == RunStatus.Succeeded && !RunnerResultSession.TryState(r, out state))
        {
            (status, summary, blocks) = (RunStatus.Failed, RunnerResultSession.StateRefused, Array.Empty<OutputBlock>());
        }
        var succeeded = status == RunStatus.Succeeded;
        var output = new RunOutput(
            html, htmlCut || Bool(r, "html_truncated"),
            outText, outCut || Bool(r, "stdout_truncated"),
            errText, errCut || Bool(r, "stderr_truncated"),
            summary,
            [.. artifacts.Select((a, i) => new RunArtifact(i, a.Name, a.Content.LongLength, a.Sha256))],
            skipped)
        {
            Blocks = blocks,
            BlocksTruncated = blocksCut,
            ErrorDetail = detail,
            SessionStateJson = state,
            KeptFiles = succeeded ? RunnerResultSession.Kept(r, artifactNames) : [],
            StepsTotal = succeeded ? RunnerResultSession.StepsTotal(r) : null,
        };
        var scriptMs = r.TryGetProperty("duration_ms", out var d) && d.TryGetInt64(out var ms) ? ms : 0;
        return new RunnerOutcome(new RunCompletion(status, output, false, scriptMs, 0, null), artifacts);
    }

    /// <summary>
    /// (what the teacher reads, what only the author and admins read). Only the author's own words
    /// (<c>ToolUserError</c>, <c>sys.exit("…")</c>) and the platform's limit messages (time, memory) reach the
    /// teacher; anything else, including a result without a known error kind, becomes the generic message.
    /// </summary>
    private static (string? Summary, string? Detail) Failure(JsonElement r, RunStatus status, Guid runId)
    {
        var summary = String(r, "error_summary");
        if (status == RunStatus.Succeeded || summary is null)
        {
            return (status == RunStatus.Succeeded ? null : RunReference.UnexpectedFailure(runId), null);
        }
        var detail = String(r, "error_detail") ?? summary;
        return String(r, "error_kind") switch
        {
            "user" or "limit" => (Clip(summary, 500), null),
            _ when status == RunStatus.TimedOut => (Clip(summary, 500), null),
            _ => (RunReference.UnexpectedFailure(runId), RunnerResultBlocks.Chars(detail, 2000).Text),
        };
    }

    private static List<RunnerArtifact> CheckArtifacts(
        JsonElement result, Dictionary<string, byte[]> files, ExecutionOptions options, List<SkippedArtifact> skipped)
    {
        var kept = new List<RunnerArtifact>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        if (!result.TryGetProperty("artifacts", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return kept;
        }
        foreach (var a in list.EnumerateArray())
        {
            var name = String(a, "name") ?? "";
            if (!SafeName().IsMatch(name) || !seen.Add(name) || !files.TryGetValue(name, out var content))
            {
                skipped.Add(new SkippedArtifact(Clip(name, 100), "invalid"));
                continue;
            }
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            if (kept.Count >= options.ArtifactCountCap || content.Length > options.ArtifactBytesCap
                || total + content.Length > options.ArtifactTotalBytesCap
                || !string.Equals(sha, String(a, "sha256"), StringComparison.OrdinalIgnoreCase))
            {
                skipped.Add(new SkippedArtifact(name, "refused_by_host"));
                continue;
            }
            total += content.Length;
            kept.Add(new RunnerArtifact(name, content, sha));
        }
        return kept;
    }

    /// <summary>Decodes as UTF-8 (invalid bytes → U+FFFD, NUL → U+FFFD: PostgreSQL text refuses NUL) and keeps the head.</summary>
    internal static (string Text, bool Truncated) Cap(byte[] bytes, int capBytes)
    {
        var text = Encoding.UTF8.GetString(bytes).Replace('\0', '\uFFFD');
        if (Encoding.UTF8.GetByteCount(text) <= capBytes)
        {
            return (text, false);
        }
        var cut = Math.Min(text.Length, capBytes);
        while (cut > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, cut)) > capBytes)
        {
            cut -= Math.Max(1, (Encoding.UTF8.GetByteCount(text.AsSpan(0, cut)) - capBytes) / 4);
        }
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return (text[..cut], true);
    }

    /// <summary>
    /// Short text from result.json (error summary, skipped names), cut to <paramref name="max"/> characters and
    /// made storable: a script controls it (an exception message may hold NUL, which PostgreSQL text refuses).
    /// </summary>
    internal static string Clip(string text, int max)
    {
        var cut = text.Length <= max ? text : text[..max];
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }
        return cut.Replace('\0', '\uFFFD');
    }

    private static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static byte[] ReadAll(Stream s)
    {
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
