using System.Threading.Channels;
using LocalVpc.Network.Forwarding;

namespace LocalVpc.Network.Tests.Forwarding;

/// <summary>
/// Connections the engine accepts and runs on its own threads, on real loopback sockets: what a proxy's handler does
/// with them (read the request, connect upstream, answer, splice) works there, and never on the thread pool; so do a
/// resolver's datagrams.
/// </summary>
public sealed class EngineTransportTests : IDisposable
{
    private readonly SpliceEngine _engine = SpliceEngine.TryStart(threads: 2)
        ?? throw new InvalidOperationException("no splice engine: splice(2) and epoll are Linux's");
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Channel<(Socket Socket, SocketTransport Transport)> _accepted = Channel.CreateUnbounded<(Socket, SocketTransport)>();
    private readonly IDisposable _listening;
    /// <summary>When set, runs each accepted connection on the loop that accepted it, as an instance proxy's handler does.</summary>
    private Action<Socket, SocketTransport>? _handler;

    public EngineTransportTests()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        _listening = _engine.Listen(_listener, (socket, transport) =>
        {
            if (_handler is { } handler) handler(socket, transport);
            else _accepted.Writer.TryWrite((socket, transport));
        });
    }

    [Fact]
    public async Task AConnection_IsRead_ConnectedUpstream_AnsweredAndSpliced_OnTheEnginesThreads()
    {
        using var upstreamListener = Listen(out var upstreamEndPoint);
        var upstreamAccepting = upstreamListener.AcceptAsync();
        var handling = new TaskCompletionSource<Task<(List<string>, SpliceResult, long, long)>>();
        _handler = (socket, transport) => handling.SetResult(ProxyAsync(socket, transport, upstreamEndPoint));
        await using var client = await ConnectAsync();

        // The request arrives after the handler started waiting for it: the engine resumes the read when it comes.
        await client.WriteAsync("hello"u8.ToArray());
        Assert.Equal("ok"u8.ToArray(), await ReadExactlyAsync(client, 2));
        using var upstream = await upstreamAccepting;
        await upstream.SendAsync("from upstream"u8.ToArray());
        Assert.Equal("from upstream"u8.ToArray(), await ReadExactlyAsync(client, 13));
        await client.WriteAsync("from client"u8.ToArray());
        client.Socket.Shutdown(SocketShutdown.Send);
        await using var upstreamStream = new NetworkStream(upstream);
        Assert.Equal("from client"u8.ToArray(), await ReadExactlyAsync(upstreamStream, 11));
        upstream.Shutdown(SocketShutdown.Send);

        var (onThePool, result, sent, received) = await await handling.Task;
        Assert.Equal((SpliceResult.Completed, 11L, 13L), (result, sent, received));
        Assert.Empty(onThePool);
    }

    /// <summary>What an instance proxy's handler does: reads the request, connects upstream, answers, splices; and which steps resumed on the thread pool.</summary>
    private async Task<(List<string> OnThePool, SpliceResult Result, long Sent, long Received)> ProxyAsync(Socket socket, SocketTransport transport,
        IPEndPoint upstreamEndPoint)
    {
        var onThePool = new List<string>();
        void Resumed(string step)
        {
            if (Thread.CurrentThread.IsThreadPoolThread) onThePool.Add(step);
        }
        var client = transport.Open(socket);
        var request = new byte[5];
        await client.Stream.ReadExactlyAsync(request);
        Resumed("the read");
        var upstream = await transport.ConnectAsync(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp), upstreamEndPoint, default);
        Resumed("the connect");
        await client.Stream.WriteAsync("ok"u8.ToArray());
        Resumed("the answer");
        // Spliced from here: the engine's pair takes both sockets over from the streams that watched them.
        var (result, sent, received, _) = await Splicer.RunAsync(client, upstream, default, engine: _engine);
        Resumed("the splice's end");
        return (onThePool, result, sent, received);
    }

    [Fact]
    public async Task AReadNobodyAnswers_EndsWhenItsTokenFires()
    {
        await using var client = await ConnectAsync();
        var (socket, transport) = await _accepted.Reader.ReadAsync();
        using var leg = transport.Open(socket);
        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await leg.Stream.ReadExactlyAsync(new byte[1], patience.Token));

        // The stream still works after a wait was given up.
        await client.WriteAsync("late"u8.ToArray());
        Assert.Equal("late"u8.ToArray(), await ReadExactlyAsync(leg.Stream, 4));
    }

    [Fact]
    public async Task AConnectToAClosedPort_IsRefused_AsTheKernelSaysIt()
    {
        await using var client = await ConnectAsync();
        var (socket, transport) = await _accepted.Reader.ReadAsync();
        using var leg = transport.Open(socket);
        using var closed = Listen(out var closedEndPoint);
        closed.Dispose();

        using var dialing = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(async () => await transport.ConnectAsync(dialing, closedEndPoint, default));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task AClientThatCloses_IsReadAsTheEndOfTheStream()
    {
        var client = await ConnectAsync();
        var (socket, transport) = await _accepted.Reader.ReadAsync();
        using var leg = transport.Open(socket);
        await client.DisposeAsync();

        Assert.Equal(0, await leg.Stream.ReadAtLeastAsync(new byte[16], 16, throwOnEndOfStream: false));
    }

    [Fact]
    public async Task Datagrams_AreReadOnTheEnginesThreads_AndAnsweredToWhoeverSentThem()
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var onThePool = 0;
        using var receiving = _engine.Receive(server, (datagram, sender) =>
        {
            if (Thread.CurrentThread.IsThreadPoolThread) Interlocked.Increment(ref onThePool);
            server.SendTo([.. datagram.Reverse()], SocketFlags.None, sender);
        });

        using var first = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var second = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await first.ConnectAsync(server.LocalEndPoint!);
        await second.ConnectAsync(server.LocalEndPoint!);
        await first.SendAsync("abc"u8.ToArray());
        await second.SendAsync("wxyz"u8.ToArray());

        var answer = new byte[16];
        Assert.Equal("cba"u8.ToArray(), answer.AsSpan(0, await first.ReceiveAsync(answer)).ToArray());
        Assert.Equal("zyxw"u8.ToArray(), answer.AsSpan(0, await second.ReceiveAsync(answer)).ToArray());
        Assert.Equal(0, onThePool);
    }

    private async Task<NetworkStream> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(_listener.LocalEndPoint!);
        return new NetworkStream(socket, ownsSocket: true);
    }

    private static Socket Listen(out IPEndPoint endPoint)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        endPoint = (IPEndPoint)listener.LocalEndPoint!;
        return listener;
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var bytes = new byte[count];
        await stream.ReadExactlyAsync(bytes);
        return bytes;
    }

    public void Dispose()
    {
        _listening.Dispose();
        _listener.Dispose();
        _engine.Dispose();
    }
}
