using System.Security.Cryptography;
using System.Text;

namespace Skriptoteket.Grains.Tools;

/// <summary>The sha256 of a version's content (entrypoint and source), lower-case hex.</summary>
public static class ContentHash
{
    public static string Of(string source, string entrypoint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entrypoint + "\n" + source)));
}
