using System.Net.Security;

namespace LocalVpc.Network.Forwarding;

/// <summary>
/// One side of a spliced connection: its socket, and the stream bytes travel through (the socket's own, or TLS over it).
/// </summary>
public sealed class Leg(Socket socket, Stream stream) : IDisposable
{
    private int _closed;

    public Leg(Socket socket) : this(socket, new NetworkStream(socket, ownsSocket: true)) { }

    public Socket Socket { get; } = socket;

    public Stream Stream { get; } = stream;

    /// <summary>Ends our sending half (FIN, after TLS's close_notify): the other side reads its end of stream.</summary>
    public async ValueTask CloseSendingAsync()
    {
        try
        {
            if (Stream is SslStream tls) await tls.ShutdownAsync().ConfigureAwait(false);
            Socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The peer is gone already; Dispose resets what is left.
        }
    }

    /// <summary>Closes the connection once: gracefully when <paramref name="abort"/> is false, with RST when true.</summary>
    public void Close(bool abort)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1) return;
        try
        {
            if (abort) Socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        Stream.Dispose();
        Socket.Dispose();
    }

    public void Dispose() => Close(abort: false);
}
