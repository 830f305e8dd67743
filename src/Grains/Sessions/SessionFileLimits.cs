using System.Text;
using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Sessions;

namespace Skriptoteket.Grains.Sessions;

/// <summary>
/// The limits a session checks before a step (<see cref="SessionLimits"/>), and the share of kept files it takes in.
/// <paramref name="maxFilesBytes"/>: a step's files travel to its run in one grain message, so together they may be at
/// most what one run may upload (Uploads:MaxRunBytes, itself below UploadLimits.MessageCeilingBytes).
/// </summary>
internal sealed class SessionFileLimits(long maxFilesBytes, string key, ILogger logger)
{
    public void Check(ToolSessionState s)
    {
        if (s.RunIds.Count - 1 >= SessionLimits.MaxStepsPerSession)
        {
            throw SessionRefusals.TooManySteps();
        }
        if (Encoding.UTF8.GetByteCount(s.StateJson) > SessionLimits.MaxStateBytes)
        {
            throw SessionRefusals.StateTooLarge();
        }
        if (s.Files.Count > SessionLimits.MaxSessionFiles)
        {
            throw SessionRefusals.TooManyFiles();
        }
        if (s.Files.Sum(f => f.Bytes) > maxFilesBytes)
        {
            throw SessionRefusals.FilesTooLarge(maxFilesBytes);
        }
    }

    /// <summary>
    /// The files without the kept ones that would take the total past the limit (uploads and files kept earlier stay):
    /// the session keeps what its next step can still be sent.
    /// </summary>
    public IReadOnlyList<SessionFile> WithinLimit(IReadOnlyList<SessionFile> candidates)
    {
        var room = maxFilesBytes - candidates.Where(f => !f.KeptByScript).Sum(f => f.Bytes);
        var taken = new List<SessionFile>();
        foreach (var file in candidates)
        {
            if (!file.KeptByScript || file.Bytes <= room)
            {
                taken.Add(file);
                room -= file.KeptByScript ? file.Bytes : 0;
            }
        }
        if (taken.Count < candidates.Count)
        {
            logger.LogWarning("Session {SessionKey} left {FileCount} kept file(s) out: the session's files would exceed {MaxBytes} bytes",
                key, candidates.Count - taken.Count, maxFilesBytes);
        }
        return taken;
    }
}
