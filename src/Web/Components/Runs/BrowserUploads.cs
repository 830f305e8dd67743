using Microsoft.AspNetCore.Components.Forms;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>Files chosen in a page's picker, read over the circuit into a run's (or an example's) input files.</summary>
internal static class BrowserUploads
{
    /// <summary>
    /// Reads each file whole, at most <paramref name="maxFileBytes"/> each (the picker checked names and sizes; the
    /// grain checks them again). An IOException means the browser stopped sending (tab closed, file changed on disk).
    /// </summary>
    public static async Task<List<RunInputFile>> ReadAsync(IEnumerable<IBrowserFile> files, long maxFileBytes)
    {
        var inputs = new List<RunInputFile>();
        foreach (var file in files)
        {
            using var buffer = new MemoryStream();
            await using var upload = file.OpenReadStream(maxFileBytes);
            await upload.CopyToAsync(buffer);
            inputs.Add(new RunInputFile(file.Name, buffer.ToArray()));
        }
        return inputs;
    }
}
