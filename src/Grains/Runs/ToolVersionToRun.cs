using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Runs;

/// <summary>A script version resolved for a run, with the fields and files it declares and its tool's maintainers.</summary>
internal sealed record ToolVersionToRun(Guid ToolId, Guid VersionId, string Source, string Entrypoint, Guid CreatedBy,
    ToolInputs Inputs, IReadOnlyList<Guid> Maintainers);
