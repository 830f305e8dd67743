namespace Skriptoteket.Grains.Execution;

/// <summary>Settings for running tools in containers (section "Execution").</summary>
public sealed class ExecutionOptions
{
    public const string Section = "Execution";

    /// <summary>True on silos that may start containers; only these host run grains.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Docker Engine API endpoint; the socket stays on the host and is never mounted into a runner.</summary>
    public string DockerEndpoint { get; set; } = "unix:///var/run/docker.sock";

    /// <summary>Runner image tag, built by runner-image/build.sh (tagged by a hash of its recipe).</summary>
    public string RunnerImage { get; set; } = "";
}
