namespace LocalVpc.Network.Proxy;

/// <summary>
/// An instance's proxy port on loopback (SOCKS5, HTTP CONNECT and plain HTTP): connections through it leave from
/// that instance.
/// </summary>
public sealed class InstanceProxy : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    private InstanceProxy(Scope scope, string instanceId, Socket listener, ConnectionHandler handler)
    {
        Scope = scope;
        InstanceId = instanceId;
        _listener = listener;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _accepting = AcceptAsync(handler);
    }

    public Scope Scope { get; }

    public string InstanceId { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>Listens on a free port of <paramref name="address"/>.</summary>
    public static InstanceProxy Start(Scope scope, string instanceId, IPAddress address, ConnectionHandler handler)
    {
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(address, 0));
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        return new InstanceProxy(scope, instanceId, listener, handler);
    }

    private async Task AcceptAsync(ConnectionHandler handler)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested) return;
                continue;
            }
            // Connections outlive the listener: a stopped instance takes no new connections, as AWS's do not end at once.
            // The handler runs here until its first wait for the client, which saves a hop through the thread pool.
            _ = handler.HandleAsync(Scope, InstanceId, client, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        await _accepting;
        _stopping.Dispose();
    }
}
