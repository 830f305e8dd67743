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

    /// <summary>Writes the files the run's manifest (<see cref="RunOutput.Artifacts"/>) lists, under their checked names.</summary>
    internal async Task SaveAsync(Guid runId, IReadOnlyList<RunnerArtifact> files)
    {
        if (files.Count == 0)
        {
            return;
        }
        var folder = Directory.CreateDirectory(RunFolder(runId)).FullName;
        foreach (var file in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, file.Name), file.Content);
        }
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
