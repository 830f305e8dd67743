namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>One page of a run list, newest first, with the number of runs matching the filter.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunPage")]
public sealed record RunPage(
    [property: Id(0)] IReadOnlyList<RunRow> Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] long Total)
{
    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}
