namespace LocalVpc.Network.Forwarding;

/// <summary>
/// How a connection's sockets wait for the network: through .NET's sockets (<see cref="Pooled"/>, any thread, completions
/// through the thread pool), or in one of the data plane's engine loops (its own epoll, on its thread).
/// </summary>
public abstract class SocketTransport
{
    /// <summary>.NET's own: the transport wherever no engine loop carries the connection.</summary>
    public static SocketTransport Pooled { get; } = new PooledTransport();

    /// <summary>A leg over <paramref name="connected"/>, which it owns from now on.</summary>
    public abstract Leg Open(Socket connected);

    /// <summary>Connects <paramref name="socket"/> and opens it as a leg; the caller disposes the socket when this fails.</summary>
    public abstract ValueTask<Leg> ConnectAsync(Socket socket, IPEndPoint endPoint, CancellationToken cancellationToken);

    private sealed class PooledTransport : SocketTransport
    {
        public override Leg Open(Socket connected) => new(connected);

        public override async ValueTask<Leg> ConnectAsync(Socket socket, IPEndPoint endPoint, CancellationToken cancellationToken)
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
            return new Leg(socket);
        }
    }
}
