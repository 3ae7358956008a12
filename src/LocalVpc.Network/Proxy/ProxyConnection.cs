using System.Security.Authentication;

namespace LocalVpc.Network.Proxy;

/// <summary>
/// Both legs of one proxied connection, shut down once: the first reason is kept and every socket the connection
/// opened is closed with it, whichever step failed (as Kestrel's <c>SocketConnection</c> keeps its first shutdown reason).
/// </summary>
internal sealed class ProxyConnection(Leg client)
{
    private int _shutDown;

    /// <summary>The client's side: its socket, or LocalVpc's TLS over it once terminated.</summary>
    public Leg Client { get; set; } = client;

    /// <summary>The dialled side, once there is one.</summary>
    public Leg? Upstream { get; set; }

    /// <summary>Why it ended, first reason first; null while it runs.</summary>
    public string? Reason { get; private set; }

    /// <summary>Closes both legs once: gracefully, or with RST when <paramref name="abort"/>.</summary>
    public void Shutdown(string reason, bool abort)
    {
        if (Interlocked.Exchange(ref _shutDown, 1) == 1) return;
        Reason = reason;
        Client.Close(abort);
        Upstream?.Close(abort);
    }

    /// <summary>Whether an exception is what a peer going away or a bad handshake looks like (logged at Debug), not a bug.</summary>
    public static bool IsExpected(Exception e) =>
        e is IOException or SocketException or OperationCanceledException or AuthenticationException or EndOfStreamException or ObjectDisposedException;

    /// <summary>A short reason for an expected failure: the socket error's name where there is one.</summary>
    public static string Describe(Exception e) => e switch
    {
        SocketException s => s.SocketErrorCode.ToString(),
        IOException { InnerException: SocketException s } => s.SocketErrorCode.ToString(),
        OperationCanceledException => "timed out or stopped",
        _ => e.Message,
    };
}
