using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// What a tool's run needs besides <see cref="UploadLimits"/>: the files its version declares
/// (<see cref="FileInputs"/>: how many, which types). A version without a declaration asks for one file or more,
/// as run contract v1 did (<c>run_tool(input_path, output_dir)</c> reads the first). The run page and the studio's
/// sandbox keep Run disabled and the run grain refuses the run (production and sandbox alike: a script that reads
/// its file fails without it), all from these rules.
/// </summary>
public static class RunInputRules
{
    public static bool HasRequiredFiles(int fileCount, FileInputs files) => fileCount >= files.MinFiles;

    /// <summary>The refusal of these files for this declaration, or null when they fit.</summary>
    public static DomainException? FileProblem(FileInputs files, IReadOnlyCollection<string> names)
    {
        if (!HasRequiredFiles(names.Count, files))
        {
            return files.MinFiles == 1
                ? DomainException.Invalid("Välj en fil att köra verktyget med.", "Run.FileRequired")
                : DomainException.Invalid($"Välj minst {files.MinFiles} filer att köra verktyget med.", "Run.FilesRequired", $"{files.MinFiles}");
        }
        return ChosenFilesProblem(files, names);
    }

    /// <summary>
    /// What is wrong with files as they are being chosen (too many, a wrong type), or null. Too few is not refused
    /// yet: the form keeps Run disabled with <see cref="HasRequiredFiles"/> until enough are chosen.
    /// </summary>
    public static DomainException? ChosenFilesProblem(FileInputs files, IReadOnlyCollection<string> names)
    {
        if (names.Count > files.MaxFiles)
        {
            return files.MaxFiles == 0
                ? DomainException.Invalid("Verktyget tar inga filer.", "Run.NoFiles")
                : DomainException.Invalid($"Verktyget tar högst {files.MaxFiles} filer.", "Run.TooManyFilesForTool", $"{files.MaxFiles}");
        }
        if (files.Types.Count > 0 && names.FirstOrDefault(n => !files.Types.Contains(Path.GetExtension(n).ToLowerInvariant())) is { } wrong)
        {
            var types = string.Join(", ", files.Types.Select(t => t.TrimStart('.')));
            var name = wrong.Length <= 80 ? wrong : wrong[..80];
            return DomainException.Invalid($"Verktyget tar bara filer av typen {types}; \"{name}\" passar inte.", "Run.WrongTypeForTool", name, types);
        }
        return null;
    }
}
