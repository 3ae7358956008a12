namespace LocalVpc.Network.Proxy;

/// <summary>
/// An instance's proxy port on loopback (SOCKS5, HTTP CONNECT and plain HTTP): connections through it leave from
/// that instance. Where the data plane has its engine, the engine's loops accept and run its connections; elsewhere
/// .NET's sockets do, on the thread pool.
/// </summary>
public sealed class InstanceProxy : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly IDisposable? _listening;

    private InstanceProxy(Scope scope, string instanceId, Socket listener, ConnectionHandler handler, SpliceEngine? engine)
    {
        Scope = scope;
        InstanceId = instanceId;
        _listener = listener;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        // Connections outlive the listener: a stopped instance takes no new connections, as AWS's do not end at once.
        // The handler runs on the accepting thread until its first wait for the client, which saves a hop.
        if (engine is null) _accepting = AcceptAsync(handler);
        else
        {
            _accepting = Task.CompletedTask;
            _listening = engine.Listen(listener, (client, loop) => _ = handler.HandleAsync(Scope, InstanceId, client, loop, CancellationToken.None));
        }
    }

    public Scope Scope { get; }

    public string InstanceId { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>Listens on a free port of <paramref name="address"/>.</summary>
    public static InstanceProxy Start(Scope scope, string instanceId, IPAddress address, ConnectionHandler handler, SpliceEngine? engine)
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
        return new InstanceProxy(scope, instanceId, listener, handler, engine);
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
            _ = handler.HandleAsync(Scope, InstanceId, client, SocketTransport.Pooled, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listening?.Dispose();
        _listener.Dispose();
        await _accepting;
        _stopping.Dispose();
    }
}
