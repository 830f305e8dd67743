using System.Net.Sockets;
using Docker.DotNet;

namespace Skriptoteket.Grains.Execution;

/// <summary>Tells "the engine is away" (restarting, socket gone) from a refusal the engine itself gave.</summary>
internal static class DockerEngine
{
    public static bool IsUnreachable(Exception e) => e switch
    {
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        DockerApiException => false,
        _ => e.InnerException is { } inner && IsUnreachable(inner),
    };

    /// <summary>True when the engine answers a ping within a few seconds.</summary>
    public static async Task<bool> AnswersAsync(IDockerClient client, CancellationToken cancel)
    {
        try
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            patience.CancelAfter(TimeSpan.FromSeconds(3));
            await client.System.PingAsync(patience.Token);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException && !cancel.IsCancellationRequested || IsUnreachable(e) || e is DockerApiException)
        {
            return false;
        }
    }
}
