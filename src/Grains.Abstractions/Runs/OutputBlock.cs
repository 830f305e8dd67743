using System.Text.Json.Serialization;

namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>What an output block shows (runner protocol v2, runner-image/PROTOCOL.md "Output blocks").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutputBlockKind>))]
public enum OutputBlockKind
{
    [JsonStringEnumMemberName("notice")]
    Notice,
    [JsonStringEnumMemberName("markdown")]
    Markdown,
    [JsonStringEnumMemberName("table")]
    Table,
    [JsonStringEnumMemberName("image")]
    Image,
    [JsonStringEnumMemberName("html")]
    Html,
    /// <summary>A follow-up step the teacher may take (protocol v3, <see cref="OutputBlock.Step"/>); shown as a form, not as output.</summary>
    [JsonStringEnumMemberName("step")]
    Step,
}

/// <summary>How a notice block is coloured.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeLevel>))]
public enum NoticeLevel
{
    [JsonStringEnumMemberName("info")]
    Info,
    [JsonStringEnumMemberName("warning")]
    Warning,
    [JsonStringEnumMemberName("error")]
    Error,
}

/// <summary>
/// One block of a run's result, already within the caps (checked by the wrapper and again on the host).
/// <see cref="Text"/> is the notice's text, the Markdown source, the HTML, or an image's alternative text.
/// Tables carry <see cref="Columns"/>, <see cref="Rows"/> and how many rows the script returned; an image names
/// one of the run's artifacts.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.OutputBlock")]
public sealed record OutputBlock(
    [property: Id(0)] OutputBlockKind Kind,
    [property: Id(1)] string Text,
    [property: Id(2)] bool Truncated)
{
    [Id(3)]
    public NoticeLevel Level { get; init; }

    [Id(4)]
    public string Title { get; init; } = "";

    [Id(5)]
    public IReadOnlyList<string> Columns { get; init; } = [];

    [Id(6)]
    public IReadOnlyList<IReadOnlyList<TableCell>> Rows { get; init; } = [];

    /// <summary>Rows the script returned (more than <see cref="Rows"/> when the table was cut).</summary>
    [Id(7)]
    public int RowsTotal { get; init; }

    /// <summary>The artifact an image block shows (its name in the run's manifest).</summary>
    [Id(8)]
    public string? Artifact { get; init; }

    /// <summary>The step a step block offers (its label is also in <see cref="Text"/>).</summary>
    [Id(9)]
    public Sessions.NextStep? Step { get; init; }
}

/// <summary>
/// One table cell: its text as the script gave it (numbers in invariant form, yes/no as "Ja"/"Nej") and, for a
/// number, its value (sorting, xlsx).
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.TableCell")]
public sealed record TableCell(
    [property: Id(0)] string Text,
    [property: Id(1)] double? Number = null);
