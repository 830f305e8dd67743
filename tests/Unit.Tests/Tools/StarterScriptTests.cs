using System.Diagnostics;
using Skriptoteket.Grains.Tools;

namespace Skriptoteket.Unit.Tests.Tools;

/// <summary>The starter script works: run with the machine's python3 on a semicolon CSV, it returns an escaped table.</summary>
public sealed class StarterScriptTests
{
    [Fact]
    public async Task Starter_script_turns_a_csv_file_into_an_html_table()
    {
        var folder = Directory.CreateTempSubdirectory("starter-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "tool.py"), StarterScript.Source);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "in.csv"), "Namn;Klass\nÅsa <b>;7A\nOla;7B\n");
            var start = new ProcessStartInfo("python3", ["-c", "import sys, tool; print(tool.run_tool(sys.argv[1], sys.argv[2]))", "in.csv", "."])
            {
                WorkingDirectory = folder.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var python = Process.Start(start)!;
            var html = await python.StandardOutput.ReadToEndAsync();
            var errors = await python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync();

            Assert.True(python.ExitCode == 0, errors);
            Assert.Contains("<p>2 rader.</p>", html);
            Assert.Contains("<th>Namn</th><th>Klass</th>", html);
            Assert.Contains("<td>Åsa &lt;b&gt;</td>", html);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
