namespace Skriptoteket.Grains.Runs;

/// <summary>A script version resolved for a run.</summary>
internal sealed record ToolVersionToRun(Guid ToolId, Guid VersionId, string Source, string Entrypoint, Guid CreatedBy);
