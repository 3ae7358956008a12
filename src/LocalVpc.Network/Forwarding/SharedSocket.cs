namespace LocalVpc.Network.Forwarding;

/// <summary>
/// A socket every loop watches (a listener, a resolver's UDP socket), level-triggered and exclusive: the kernel wakes one
/// loop for what arrives, and a loop that finds it taken by another already waits again.
/// </summary>
internal abstract class SharedSocket(Socket socket)
{
    protected Socket Socket { get; } = socket;

    public int Fd { get; } = (int)socket.SafeHandle.DangerousGetHandle();

    /// <summary>Takes what has arrived (perhaps nothing: another loop was quicker), on <paramref name="loop"/>'s thread.</summary>
    public abstract void OnReadable(SpliceLoop loop);
}

/// <summary>A listener the loops share: each connection is accepted by one loop, and its handler runs there.</summary>
internal sealed class Acceptor(Socket listener, Action<Socket, SocketTransport> accepted) : SharedSocket(listener)
{
    /// <summary>Accepts one connection if one is still waiting: the listener stays ready while more wait, and is reported again.</summary>
    public override void OnReadable(SpliceLoop loop)
    {
        Socket client;
        try
        {
            client = Socket.Accept();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return;
        }
        accepted(client, loop);
    }
}

/// <summary>
/// A datagram socket the loops share: whichever loop the kernel wakes reads what has arrived, without blocking, and
/// hands each datagram with its sender's address to <paramref name="received"/> on its thread.
/// </summary>
internal sealed unsafe class DatagramReceiver(Socket socket, Action<byte[], SocketAddress> received) : SharedSocket(socket)
{
    /// <summary>Datagrams one loop reads before it looks at its other sockets again: the socket stays ready, and is reported again.</summary>
    private const int Batch = 32;

    /// <summary>Each loop's thread reads into its own buffer: loops read the same socket at once.</summary>
    [ThreadStatic]
    private static byte[]? t_buffer;

    /// <summary>Reads up to a batch of what is waiting.</summary>
    public override void OnReadable(SpliceLoop loop)
    {
        var datagram = t_buffer ??= new byte[64 * 1024];
        for (var i = 0; i < Batch; i++)
        {
            // The sender's address in .NET's SocketAddress, whose bytes are the kernel's sockaddr on Linux.
            var peer = new SocketAddress(Socket.AddressFamily);
            var length = (uint)peer.Buffer.Length;
            long read;
            fixed (byte* buffer = datagram)
            fixed (byte* address = peer.Buffer.Span)
            {
                read = Tmds.Linux.LibC.recvfrom(Fd, buffer, datagram.Length, Tmds.Linux.LibC.MSG_DONTWAIT,
                    (Tmds.Linux.sockaddr*)address, (Tmds.Linux.socklen_t*)&length);
            }
            if (read < 0)
            {
                // EAGAIN: nothing left. Other errors (an ICMP unreachable from an earlier reply's peer) are not the receiver's.
                if (Tmds.Linux.LibC.errno == Tmds.Linux.LibC.EAGAIN) return;
                continue;
            }
            peer.Size = (int)length;
            received(datagram.AsSpan(0, (int)read).ToArray(), peer);
        }
    }
}
