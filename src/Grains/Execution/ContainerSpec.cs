using System.Globalization;
using Docker.DotNet.Models;

namespace Skriptoteket.Grains.Execution;

/// <summary>The hardened container of one run (docs/execution.md, "Isolation"). Nothing from the host is mounted.</summary>
internal static class ContainerSpec
{
    public const string RunnerUser = "10001:10001";

    /// <summary>Name prefix of warm pool containers that no run has taken yet.</summary>
    public const string WarmNamePrefix = "skriptoteket-warm-";

    /// <summary>
    /// The CPU weight (Docker's cpu-shares, the least it takes) of a warm container while it waits: its imports yield
    /// to every running script, whose container has the engine's default weight (<see cref="RunCpuShares"/>), and the
    /// container gets that weight when a run takes it (docs/execution.md, "Warm pool").
    /// </summary>
    public const long WarmCpuShares = 2;

    /// <summary>The engine's default CPU weight: a run's container, and a warm one once a run has taken it.</summary>
    public const long RunCpuShares = 1024;

    /// <summary>
    /// The warm entry of the runner image (runner-image/warm.py): the same wrapper, the modules named after it
    /// imported early (<see cref="WarmEntrypointFor"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> WarmEntrypoint = ["python3", "-I", "/opt/skriptoteket/warm.py"];

    /// <summary>The warm entry for a profile: warm.py imports exactly the modules given, in order (none: plain Python).</summary>
    public static IList<string> WarmEntrypointFor(ImportProfile profile) => [.. WarmEntrypoint, .. profile.Modules];

    /// <summary>The container name of a run, whether it was created for the run or taken from the warm pool.</summary>
    public static string NameFor(Guid runId) => $"skriptoteket-run-{runId:N}";

    /// <summary>
    /// The run a listed container serves: its run-id label, or for a warm pool container (no run-id label) the
    /// run named in its container name; null for a pool container no run has taken.
    /// </summary>
    public static Guid? RunIdOf(IDictionary<string, string>? labels, IEnumerable<string>? names)
    {
        if (labels is not null && labels.TryGetValue(ContainerLabels.RunId, out var label) && Guid.TryParse(label, out var fromLabel))
        {
            return fromLabel;
        }
        const string prefix = "skriptoteket-run-";
        foreach (var name in names ?? [])
        {
            var bare = name.TrimStart('/');
            if (bare.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParseExact(bare[prefix.Length..], "N", out var fromName))
            {
                return fromName;
            }
        }
        return null;
    }

    /// <param name="cluster">The Orleans cluster id (null outside a silo): with the silo name it tells whose leftover a container is.</param>
    public static CreateContainerParameters Create(Guid runId, string silo, string? cluster, ExecutionOptions options) =>
        Build(NameFor(runId), options, new Dictionary<string, string>
        {
            [ContainerLabels.RunId] = runId.ToString(),
            [ContainerLabels.Silo] = silo,
            [ContainerLabels.Cluster] = cluster ?? "",
        });

    /// <summary>
    /// A warm pool container: every setting of <see cref="Create"/> (same image, user, limits, mounts, network),
    /// but no run yet, so the pool label instead of the run id, and the warm entry of the same wrapper importing
    /// the libraries of <paramref name="profile"/>.
    /// </summary>
    public static CreateContainerParameters CreateWarm(string silo, string? cluster, ExecutionOptions options, ImportProfile profile)
    {
        var spec = Build(WarmNamePrefix + Guid.NewGuid().ToString("N"), options, new Dictionary<string, string>
        {
            [ContainerLabels.Pool] = "warm",
            [ContainerLabels.Silo] = silo,
            [ContainerLabels.Cluster] = cluster ?? "",
        });
        spec.Entrypoint = WarmEntrypointFor(profile);
        spec.HostConfig.CPUShares = WarmCpuShares;
        return spec;
    }

    private static CreateContainerParameters Build(string name, ExecutionOptions options, IDictionary<string, string> labels) => new()
    {
        Name = name,
        Image = options.RunnerImage,
        User = RunnerUser,
        Labels = labels,
        // The job tar goes in over stdin and the result tar comes back on stdout; a TTY would mangle both.
        AttachStdin = true,
        AttachStdout = true,
        AttachStderr = true,
        OpenStdin = true,
        StdinOnce = true,
        Tty = false,
        NetworkDisabled = true,
        Env = [],
        HostConfig = new HostConfig
        {
            NetworkMode = "none",
            ReadonlyRootfs = true,
            // Docker's default private IPC gives a writable 64 MB /dev/shm; "none" mounts none, so /work and
            // /tmp stay the only writable places (both size-capped tmpfs).
            IpcMode = "none",
            Tmpfs = new Dictionary<string, string>
            {
                ["/work"] = Tmpfs(options.WorkTmpfsBytes),
                ["/tmp"] = Tmpfs(options.TmpTmpfsBytes),
            },
            CapDrop = ["ALL"],
            SecurityOpt = ["no-new-privileges"],
            PidsLimit = options.PidsLimit,
            Memory = options.MemoryBytes,
            MemorySwap = options.MemoryBytes,
            NanoCPUs = options.NanoCpus,
            Binds = [],
            Privileged = false,
            AutoRemove = false,
            LogConfig = new LogConfig
            {
                Type = "json-file",
                Config = new Dictionary<string, string> { ["max-size"] = "1m", ["max-file"] = "1" },
            },
        },
    };

    private static string Tmpfs(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"rw,nosuid,nodev,noexec,size={bytes},uid=10001,gid=10001,mode=0700");
}
