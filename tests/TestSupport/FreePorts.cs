using System.Net;
using System.Net.Sockets;

namespace Skriptoteket.TestSupport;

/// <summary>
/// Loopback ports nobody listens on right now, for hosts started by tests. They come from below the kernel's
/// ephemeral range (32768 and up on Linux): a port the kernel hands out (port 0) can be taken as the source port
/// of any outgoing connection (PostgreSQL, Docker, HTTP) between the pick and the host's bind, which made a host
/// fail with "address already in use". Each test process starts at a random place in the range and moves on, so
/// its own hosts never share a port and two processes rarely meet.
/// </summary>
public static class FreePorts
{
    private const int First = 20_000;
    private const int Count = 12_000;
    private static readonly Lock Gate = new();
    private static int offset = Random.Shared.Next(Count);

    public static int Next()
    {
        lock (Gate)
        {
            for (var tried = 0; tried < Count; tried++)
            {
                var port = First + offset;
                offset = (offset + 1) % Count;
                if (IsFree(port))
                {
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port in {First}–{First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
