namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// What a tool's run needs besides <see cref="UploadLimits"/>: the script contract
/// <c>run_tool(input_path, output_dir)</c> reads one file, so a run without a file could only hand the script a
/// folder. The run page keeps Run disabled and the run grain refuses such a production run, both from this rule.
/// Sandbox runs stay free of it: an author may test a script that reads nothing. (Tools that declare their
/// inputs come with run contract v2.)
/// </summary>
public static class RunInputRules
{
    public const int MinFiles = 1;

    public static bool HasRequiredFiles(int fileCount) => fileCount >= MinFiles;
}
