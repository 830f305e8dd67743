using Docker.DotNet;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// One warm pool container: created with a run's settings, attached, started, its wrapper waiting for a job on
/// stdin. Its attach stream is read from the start (the wrapper's stderr says when the libraries are imported),
/// so <see cref="Reading"/> ends when the container does: a dead container is never handed to a run.
/// </summary>
internal sealed class WarmContainer(string id, ContainerSettings settings, ImportProfile profile, MultiplexedStream stream,
    ContainerOutput output, DateTimeOffset created)
{
    /// <summary>What the wrapper (runner-image/warm.py) writes on stderr once the script's process has imported its libraries.</summary>
    public const string PrimedMarker = "runner: warm ready";

    public string Id { get; } = id;

    /// <summary>The settings it was made with; a container whose settings are no longer current is thrown away.</summary>
    public ContainerSettings Settings { get; } = settings;

    /// <summary>The curated libraries its script's process imports before the job (plain: none).</summary>
    public ImportProfile Profile { get; } = profile;

    public MultiplexedStream Stream { get; } = stream;

    public ContainerOutput Output { get; } = output;

    public DateTimeOffset Created { get; } = created;

    /// <summary>Reads the container's output until it ends; started at creation, awaited by the run that takes it.</summary>
    public Task Reading { get; private set; } = Task.CompletedTask;

    public bool IsAlive => !Reading.IsCompleted;

    /// <summary>True once the wrapper reported its profile's libraries imported: a run then pays for none of them.</summary>
    public bool IsPrimed => Output.DiagnosticsContain(PrimedMarker);

    /// <summary>Why reading stopped early (the connection to the engine broke), if it did; the run taking it then fails.</summary>
    public Exception? ReadError { get; private set; }

    public void StartReading() => Reading = ReadToEndAsync();

    private async Task ReadToEndAsync()
    {
        try
        {
            await Output.ReadAsync(Stream, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or HttpRequestException)
        {
            // Kept, not thrown: nobody may be waiting yet. A run that took the container reports it;
            // an idle one is simply replaced.
            ReadError = e;
        }
    }
}

/// <summary>The settings a container is created with that a later change must not leave behind in the pool.</summary>
internal sealed record ContainerSettings(
    string Image, long MemoryBytes, long NanoCpus, long PidsLimit, long WorkTmpfsBytes, long TmpTmpfsBytes)
{
    public static ContainerSettings Of(ExecutionOptions o) =>
        new(o.RunnerImage, o.MemoryBytes, o.NanoCpus, o.PidsLimit, o.WorkTmpfsBytes, o.TmpTmpfsBytes);
}
