namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// What a run accepts and needs as input (SPEC §6), once for the run page and the run grain's
/// UploadPolicy. The script contract <c>run_tool(input_path, output_dir)</c> reads one file, so a tool's
/// run without a file could only hand the script a folder: the run page disables Run and the run grain
/// refuses such a production run. Sandbox runs stay free of it: an author may test a script that reads
/// nothing. (Tools that declare their inputs come with run contract v2.)
/// </summary>
public static class RunInputRules
{
    /// <summary>csv, xlsx, docx, pdf, md, txt and .py (as text; uploads are data, never executed).</summary>
    public static readonly IReadOnlyList<string> AllowedExtensions = [".csv", ".xlsx", ".docx", ".pdf", ".md", ".txt", ".py"];

    public const int MaxFiles = 10;

    public const int MinFiles = 1;

    public static bool HasRequiredFiles(int fileCount) => fileCount >= MinFiles;

    public static bool IsAllowedType(string fileName) =>
        AllowedExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);
}
