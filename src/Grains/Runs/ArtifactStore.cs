using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>Artifacts on disk: one folder per run under Execution:ArtifactsRoot, names already checked as safe.</summary>
public sealed class ArtifactStore(IOptions<ExecutionOptions> options)
{
    public string Root { get; } = Directory.CreateDirectory(options.Value.ArtifactsRoot).FullName;

    public string RunFolder(Guid runId) => Path.Combine(Root, runId.ToString("N"));

    /// <summary>Sandbox inputs are kept apart from artifacts, for a shorter time (Execution:SandboxInputRetentionHours).</summary>
    public string InputsRoot { get; } = Directory.CreateDirectory(Path.Combine(options.Value.ArtifactsRoot, "..", "sandbox-inputs")).FullName;

    internal async Task SaveSandboxInputsAsync(Guid runId, IReadOnlyList<RunInputFile> inputs)
    {
        if (inputs.Count == 0)
        {
            return;
        }
        var folder = Directory.CreateDirectory(Path.Combine(InputsRoot, runId.ToString("N"))).FullName;
        foreach (var input in inputs)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, input.FileName), input.Content);
        }
    }

    internal async Task<IReadOnlyList<RunArtifact>> SaveAsync(Guid runId, IReadOnlyList<RunnerArtifact> artifacts)
    {
        if (artifacts.Count == 0)
        {
            return [];
        }
        var folder = Directory.CreateDirectory(RunFolder(runId)).FullName;
        var manifest = new List<RunArtifact>(artifacts.Count);
        foreach (var a in artifacts)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, a.Name), a.Content);
            manifest.Add(new RunArtifact(manifest.Count, a.Name, a.Content.Length, a.Sha256));
        }
        return manifest;
    }

    /// <summary>Opens a stored artifact for reading; null when it is gone (retention) or the name is not in the folder.</summary>
    public Stream? Open(Guid runId, RunArtifact artifact)
    {
        var folder = RunFolder(runId);
        var path = Path.GetFullPath(Path.Combine(folder, artifact.Name));
        return path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path)
            ? File.OpenRead(path)
            : null;
    }

    /// <summary>Removes run folders under <paramref name="root"/> older than <paramref name="cutoff"/>; returns their run ids.</summary>
    public static IReadOnlyList<string> RemoveOlderThan(string root, DateTimeOffset cutoff)
    {
        var removed = new List<string>();
        foreach (var dir in new DirectoryInfo(root).EnumerateDirectories())
        {
            // Only run folders (named by run id) are ours to delete; anything else someone put there stays.
            if (Guid.TryParse(dir.Name, out _) && dir.LastWriteTimeUtc < cutoff.UtcDateTime)
            {
                dir.Delete(recursive: true);
                removed.Add(dir.Name);
            }
        }
        return removed;
    }
}
