using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Silo.Hosting;

/// <summary>
/// A node's role follows from two settings on the same binaries (docs/adr/0010-cluster-roles.md):
/// Execution:Enabled (starts containers, needs Docker) and Web:Enabled (serves pages and the API).
/// </summary>
internal sealed record NodeRole(bool Execution, bool Web)
{
    public static NodeRole From(IConfiguration configuration) => new(
        configuration.GetSection(ExecutionOptions.Section).Get<ExecutionOptions>()?.Enabled ?? true,
        configuration.GetSection(WebOptions.Section).Get<WebOptions>()?.Enabled ?? true);

    /// <summary>The name operators use in docs, logs and scripts/cluster.sh.</summary>
    public string Name => (Execution, Web) switch
    {
        (true, true) => "all-in-one",
        (true, false) => "runner",
        (false, true) => "web",
        (false, false) => "silo",
    };
}
