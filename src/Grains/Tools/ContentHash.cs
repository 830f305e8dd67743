using System.Security.Cryptography;
using System.Text;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Tools;

/// <summary>
/// The sha256 of a version's content (entrypoint, source and declared inputs), lower-case hex. A version that
/// declares nothing beyond run contract v1 hashes as before declarations existed, so stored hashes stay true.
/// </summary>
public static class ContentHash
{
    public static string Of(string source, string entrypoint, ToolInputs? inputs = null) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            inputs is null || inputs.IsLegacy
                ? entrypoint + "\n" + source
                : entrypoint + "\n" + source + "\n\0inputs:" + ToolInputsJson.Write(inputs))));
}
