using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Unit.Tests.Runs;

/// <summary>
/// The host's own check of a result tar: a container that ignores every cap of protocol v2 (a forged wrapper)
/// still yields blocks within ExecutionOptions, storable text, and no exception text for the teacher.
/// </summary>
public sealed class RunnerResultHostCapsTests
{
    private static readonly ExecutionOptions Caps = new()
    {
        BlockCountCap = 4, BlocksBytesCap = 1_000_000, TableRowsCap = 3, TableColumnsCap = 2, CellCharsCap = 5,
        NoticeCharsCap = 10, MarkdownCharsCap = 20, TitleCharsCap = 4, HtmlCapBytes = 8,
    };

    private static RunOutput Read(object result, params (string Name, byte[] Content)[] artifacts)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            void Add(string name, byte[] content) =>
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            Add("result.json", JsonSerializer.SerializeToUtf8Bytes(result));
            Add("stdout.txt", []);
            Add("stderr.txt", []);
            foreach (var (name, content) in artifacts)
            {
                Add("artifacts/" + name, content);
            }
        }
        tar.Position = 0;
        return RunnerResultTar.Read(tar, Caps, Guid.Parse("1a2b3c4d-0000-0000-0000-000000000000"))!.Completion.Output;
    }

    [Fact]
    public void Blocks_beyond_every_cap_are_cut_on_the_host()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47 };
        var output = Read(new
        {
            version = 2, status = "succeeded", html = "",
            artifacts = new[] { new { name = "bild.png", bytes = 4, sha256 = Convert.ToHexStringLower(SHA256.HashData(png)) } },
            blocks = new object[]
            {
                new { kind = "table", title = "Rubriken", columns = new[] { "aaaaaaaa", "b", "c" },
                      rows = new object[] { new object?[] { "1234567", 2.5, true, "x" }, new[] { 1 }, new[] { 2 }, new[] { 3 }, new[] { 4 } } },
                new { kind = "notice", level = "error", text = new string('n', 100) + "\0" },
                new { kind = "html", html = "<p>" + new string('å', 50) },
                new { kind = "image", artifact = "bild.png", alt = "en bild" },
                new { kind = "markdown", text = "past the block count" },
            },
        }, ("bild.png", png));

        Assert.True(output.BlocksTruncated);
        Assert.Equal(4, output.Blocks.Count);
        var table = output.Blocks[0];
        Assert.Equal(["aaaaa", "b"], table.Columns);
        Assert.Equal("Rubr", table.Title);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(5, table.RowsTotal);
        Assert.True(table.Truncated);
        Assert.Equal([new TableCell("12345"), new TableCell("2.5", 2.5)], table.Rows[0]);
        Assert.All(table.Rows, r => Assert.Equal(2, r.Count));
        Assert.Equal(new string('n', 10), output.Blocks[1].Text);
        Assert.Equal(NoticeLevel.Error, output.Blocks[1].Level);
        Assert.True(Encoding.UTF8.GetByteCount(output.Blocks[2].Text) <= 8);
        Assert.Equal("bild.png", output.Blocks[3].Artifact);
    }

    [Fact]
    public void An_image_block_naming_no_artifact_or_no_image_becomes_a_warning_and_lone_surrogates_are_made_storable()
    {
        var output = Read(new
        {
            version = 2, status = "succeeded", html = "",
            blocks = new object[]
            {
                new { kind = "image", artifact = "../../etc/passwd", alt = "" },
                new { kind = "notice", text = "a\ud800b" },
                new { kind = "unknown" },
            },
        });

        Assert.Equal(OutputBlockKind.Notice, output.Blocks[0].Kind);
        Assert.Equal(NoticeLevel.Warning, output.Blocks[0].Level);
        Assert.Equal("a\uFFFDb", output.Blocks[1].Text);
        Assert.Equal(2, output.Blocks.Count);
        Assert.True(output.BlocksTruncated);
    }

    [Theory]
    [InlineData("script", "ValueError: hemligt")]
    [InlineData(null, "ValueError: hemligt")]
    [InlineData("something-new", "ValueError: hemligt")]
    public void A_failure_not_worded_for_the_teacher_shows_only_the_generic_message_and_reference(string? kind, string summary)
    {
        var output = Read(new { version = 2, status = "failed", html = "", error_summary = summary, error_kind = kind, error_detail = summary });

        Assert.Equal("Verktyget stötte på ett oväntat fel. Ge referensen 1a2b3c4d till den som ansvarar för verktyget.", output.ErrorSummary);
        Assert.Equal("ValueError: hemligt", output.ErrorDetail);
    }

    [Theory]
    [InlineData("user", "Välj en fil med kolumnen Namn.")]
    [InlineData("limit", "Tidsgränsen överskreds (5 s).")]
    public void The_authors_own_words_and_limit_messages_reach_the_teacher_as_written(string kind, string summary)
    {
        var output = Read(new { version = 2, status = "failed", html = "", error_summary = summary, error_kind = kind });

        Assert.Equal(summary, output.ErrorSummary);
        Assert.Null(output.ErrorDetail);
    }
}
