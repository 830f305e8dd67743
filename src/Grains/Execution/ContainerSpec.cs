using System.Globalization;
using Docker.DotNet.Models;

namespace Skriptoteket.Grains.Execution;

/// <summary>The hardened container of one run (docs/execution.md, "Isolation"). Nothing from the host is mounted.</summary>
internal static class ContainerSpec
{
    public const string RunnerUser = "10001:10001";

    /// <param name="cluster">The Orleans cluster id (null outside a silo): with the silo name it tells whose leftover a container is.</param>
    public static CreateContainerParameters Create(Guid runId, string silo, string? cluster, ExecutionOptions options) => new()
    {
        Name = $"skriptoteket-run-{runId:N}",
        Image = options.RunnerImage,
        User = RunnerUser,
        Labels = new Dictionary<string, string>
        {
            [ContainerLabels.RunId] = runId.ToString(),
            [ContainerLabels.Silo] = silo,
            [ContainerLabels.Cluster] = cluster ?? "",
        },
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
