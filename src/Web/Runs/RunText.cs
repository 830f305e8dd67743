using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Runs;

/// <summary>Swedish labels of run states and the document a result iframe shows.</summary>
public static class RunText
{
    public static string Status(RunStatus status) => status switch
    {
        RunStatus.Queued => "I kö",
        RunStatus.Running => "Körs",
        RunStatus.Succeeded => "Klar",
        RunStatus.Failed => "Misslyckades",
        RunStatus.TimedOut => "Tidsgränsen överskreds",
        RunStatus.Canceled => "Avbruten",
        _ => "Avbröts (servern startades om)",
    };

    /// <summary>
    /// The script's HTML wrapped with a CSP that forbids scripts, loads and forms; the iframe adds a sandbox
    /// without allow-scripts and allow-same-origin, so nothing in it can reach the application.
    /// </summary>
    public static string ResultDocument(string html) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" +
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'\">" +
        "<style>body{font-family:sans-serif;margin:8px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style>" +
        "</head><body>" + html + "</body></html>";
}
