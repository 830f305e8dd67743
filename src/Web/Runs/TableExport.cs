using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Runs;

/// <summary>
/// A table output block as a file the teacher opens in Excel: made by the platform from the stored block, never
/// by the script. Text stays text (no formulas: a cell "=HYPERLINK(…)" from a script must not run), numbers
/// stay numbers.
/// </summary>
public static class TableExport
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>A file name from the table's title (or "tabell-N"), safe in a Content-Disposition header.</summary>
    public static string FileName(OutputBlock table, int index, string extension)
    {
        var chars = (table.Title.Length > 0 ? table.Title : $"tabell-{index + 1}")
            .Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')
            .Take(60);
        return new string([.. chars]).Trim('_') is { Length: > 0 } name ? $"{name}.{extension}" : $"tabell.{extension}";
    }

    /// <summary>
    /// CSV as Swedish Excel opens it with a double-click: UTF-8 with BOM, ';' between fields, decimal comma.
    /// Text that Excel would read as a formula (= + - @ at the start) gets a leading apostrophe.
    /// </summary>
    public static byte[] ToCsv(OutputBlock table)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(';', table.Columns.Select(c => Field(c, null))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            csv.AppendJoin(';', row.Select(c => Field(c.Text, c.Number))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Field(string text, double? number)
    {
        if (number is { } n)
        {
            return n.ToString("0.###############", Swedish);
        }
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>One worksheet: a bold header row, then the rows; numbers as numbers, everything else as text.</summary>
    public static byte[] ToXlsx(OutputBlock table)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = BoldHeaderStyles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row(table.Columns.Select(c => TextCell(c, bold: true))));
            foreach (var row in table.Rows)
            {
                data.Append(new Row(row.Select(c => c.Number is { } n ? new Cell { CellValue = new CellValue(n) } : TextCell(c.Text, false))));
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = SheetName(table.Title),
            }));
        }
        return stream.ToArray();
    }

    private static Cell TextCell(string text, bool bold) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = bold ? 1U : null,
    };

    /// <summary>XML 1.0 refuses most control characters; a script may still have put them in a cell.</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            ? new string([.. text.Select(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r') ? ' ' : c)])
            : text;

    /// <summary>Excel's sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string title)
    {
        var name = new string([.. XmlSafe(title).Where(c => "[]:*?/\\'".IndexOf(c) < 0).Take(31)]).Trim();
        return name.Length > 0 ? name : "Tabell";
    }

    private static Stylesheet BoldHeaderStyles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
}
