using System.Text;
using Docker.DotNet;

namespace Skriptoteket.Grains.Execution;

/// <summary>Demultiplexes a container's attach stream: stdout is the result tar, stderr the wrapper's diagnostics.</summary>
internal sealed class ContainerOutput(long limit)
{
    private const int DiagnosticsLimit = 16 * 1024;
    private readonly StringBuilder diagnostics = new();

    public MemoryStream Result { get; } = new();

    /// <summary>True when the container sent more than any honest wrapper could; its output is not trusted.</summary>
    public bool Overflowed { get; private set; }

    public string Diagnostics
    {
        get { lock (diagnostics) { return diagnostics.ToString(); } }
    }

    /// <summary>True once the wrapper wrote <paramref name="text"/> on stderr (read while the stream is still being read).</summary>
    public bool DiagnosticsContain(string text)
    {
        lock (diagnostics)
        {
            return diagnostics.ToString().Contains(text, StringComparison.Ordinal);
        }
    }

    public async Task ReadAsync(MultiplexedStream stream, CancellationToken cancel)
    {
        var buffer = new byte[81920];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancel);
            if (read.EOF)
            {
                return;
            }
            if (read.Target == MultiplexedStream.TargetStream.StandardOut)
            {
                if (Result.Length + read.Count > limit)
                {
                    Overflowed = true;
                    continue;
                }
                Result.Write(buffer, 0, read.Count);
            }
            else
            {
                lock (diagnostics)
                {
                    if (diagnostics.Length < DiagnosticsLimit)
                    {
                        diagnostics.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
                    }
                }
            }
        }
    }
}
