using System.Globalization;
using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>Renders a finished run's output blocks (runner protocol v2); the same for teachers and the studio sandbox.</summary>
public partial class OutputBlocks
{
    private const int PageSize = 50;

    [Parameter, EditorRequired]
    public RunInfo Run { get; set; } = null!;

    private static MudBlazor.Severity Severity(NoticeLevel level) => level switch
    {
        NoticeLevel.Warning => MudBlazor.Severity.Warning,
        NoticeLevel.Error => MudBlazor.Severity.Error,
        _ => MudBlazor.Severity.Info,
    };

    private int? ArtifactId(string? name) => Run.Output.Artifacts.FirstOrDefault(a => a.Name == name)?.Id;

    /// <summary>Numbers in the page's culture (decimal comma in Swedish), without thousands separators (years stay 2024).</summary>
    private static string Display(TableCell cell) =>
        cell.Number is { } n ? n.ToString("0.##########", CultureInfo.CurrentCulture) : cell.Text;

    /// <summary>Numbers before text and in numeric order; text in the culture's alphabetical order (å, ä, ö last).</summary>
    private static CellSortKey SortKey(IReadOnlyList<TableCell> row, int column) =>
        column < row.Count ? new CellSortKey(row[column]) : new CellSortKey(new TableCell(""));

    private readonly record struct CellSortKey(TableCell Cell) : IComparable<CellSortKey>, IComparable
    {
        public int CompareTo(CellSortKey other) => (Cell.Number, other.Cell.Number) switch
        {
            ({ } a, { } b) => a.CompareTo(b),
            (not null, null) => -1,
            (null, not null) => 1,
            _ => string.Compare(Cell.Text, other.Cell.Text, CultureInfo.CurrentCulture, CompareOptions.IgnoreCase),
        };

        public int CompareTo(object? obj) => obj is CellSortKey other ? CompareTo(other) : 1;
    }
}
