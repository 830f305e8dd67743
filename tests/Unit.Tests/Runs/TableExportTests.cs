using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Unit.Tests.Runs;

/// <summary>A table block as the xlsx and csv files the teacher downloads.</summary>
public sealed class TableExportTests
{
    private static readonly OutputBlock Table = new(OutputBlockKind.Table, "", false)
    {
        Title = "Betyg åk 7: [vt]",
        Columns = ["Namn", "Poäng"],
        Rows =
        [
            [new TableCell("Åsa"), new TableCell("12.5", 12.5)],
            [new TableCell("=HYPERLINK(\"http://x\")"), new TableCell("9", 9)],
            [new TableCell("a;b \"c\"\u0001"), new TableCell("")],
        ],
    };

    [Fact]
    public void Xlsx_holds_the_header_text_and_numbers_as_numbers_and_no_formula()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(TableExport.ToXlsx(Table)), false);
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        var rows = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();

        Assert.Equal("Betyg åk 7 vt", sheet.Name!.Value);
        Assert.Equal(["Namn", "Poäng"], rows[0].Elements<Cell>().Select(c => c.InnerText));
        var score = rows[1].Elements<Cell>().ElementAt(1);
        Assert.Null(score.DataType);
        Assert.Equal(12.5, double.Parse(score.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        var formulaLike = rows[2].Elements<Cell>().First();
        Assert.Null(formulaLike.CellFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", formulaLike.InnerText);
        Assert.Equal("a;b \"c\" ", rows[3].Elements<Cell>().First().InnerText);
    }

    [Fact]
    public void Csv_is_for_swedish_excel_and_defuses_formulas()
    {
        var bytes = TableExport.ToCsv(Table);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Namn;Poäng", lines[0]);
        Assert.Equal("Åsa;12,5", lines[1]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\";9", lines[2]);
        Assert.Equal("\"a;b \"\"c\"\"\u0001\";", lines[3]);
    }

    [Fact]
    public void File_names_come_from_the_title_without_accents_or_separators()
    {
        Assert.Equal("Betyg_ak_7___vt.xlsx", TableExport.FileName(Table, 0, "xlsx"));
        Assert.Equal("tabell-3.csv", TableExport.FileName(Table with { Title = "" }, 2, "csv"));
        Assert.Equal("tabell.csv", TableExport.FileName(Table with { Title = "///" }, 2, "csv"));
    }
}
