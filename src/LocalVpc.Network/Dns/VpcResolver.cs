using System.Buffers.Binary;

namespace LocalVpc.Network.Dns;

/// <summary>
/// A VPC's resolver (what AWS serves at the VPC's base address +2): one loopback port, UDP and TCP. Where the data plane
/// has its engine, the engine's loops read and answer the UDP queries; elsewhere .NET's sockets do, on the thread pool.
/// </summary>
public sealed class VpcResolver : IAsyncDisposable
{
    /// <summary>Concurrent receives on the UDP socket. Defaults to one per core, so every core can answer.</summary>
    private static readonly int UdpLoops = Math.Max(2, Environment.ProcessorCount);

    private readonly Socket _udp;
    private readonly Socket _tcp;
    private readonly DnsAnswerer _answerer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _loops;
    private readonly IDisposable? _receiving;

    private VpcResolver(Scope scope, string vpcId, Socket udp, Socket tcp, DnsAnswerer answerer, SpliceEngine? engine)
    {
        Scope = scope;
        VpcId = vpcId;
        _udp = udp;
        _tcp = tcp;
        _answerer = answerer;
        EndPoint = (IPEndPoint)udp.LocalEndPoint!;
        if (engine is null) _loops = [.. Enumerable.Range(0, UdpLoops).Select(_ => ServeUdpAsync()), AcceptTcpAsync()];
        else
        {
            _loops = [AcceptTcpAsync()];
            _receiving = engine.Receive(udp, (query, peer) => _ = AnswerAsync(query, peer));
        }
    }

    public Scope Scope { get; }

    public string VpcId { get; }

    /// <summary>Where to send queries: the same port on UDP and TCP.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Binds UDP and TCP to one free port of <paramref name="address"/>.</summary>
    public static VpcResolver Start(Scope scope, string vpcId, IPAddress address, DnsAnswerer answerer, SpliceEngine? engine = null)
    {
        // The OS picks a free UDP port; the same TCP port is usually free too, and if not, try another.
        for (var attempt = 0; ; attempt++)
        {
            var udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            var tcp = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                udp.Bind(new IPEndPoint(address, 0));
                tcp.Bind(new IPEndPoint(address, ((IPEndPoint)udp.LocalEndPoint!).Port));
                tcp.Listen(128);
                return new VpcResolver(scope, vpcId, udp, tcp, answerer, engine);
            }
            catch (SocketException) when (attempt < 20)
            {
                udp.Dispose();
                tcp.Dispose();
            }
        }
    }

    private async Task ServeUdpAsync()
    {
        var buffer = GC.AllocateArray<byte>(4096, pinned: true);
        var peer = new SocketAddress(_udp.AddressFamily);
        while (!_stopping.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, peer, _stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP port unreachable from an earlier reply's peer surfaces here on some systems: not our failure.
                continue;
            }
            try
            {
                var reply = await _answerer.AnswerAsync(Scope, VpcId, buffer.AsMemory(0, received), _stopping.Token);
                if (reply is not null) await _udp.SendToAsync(reply, SocketFlags.None, peer, _stopping.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>A query the engine read, answered on its loop; a name forwarded to the host's resolver is answered when that replies.</summary>
    private async Task AnswerAsync(byte[] query, SocketAddress peer)
    {
        try
        {
            SendReply(await _answerer.AnswerAsync(Scope, VpcId, query, _stopping.Token), peer);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private void SendReply(byte[]? reply, SocketAddress peer)
    {
        if (reply is null) return;
        try
        {
            _udp.SendTo(reply, SocketFlags.None, peer);
        }
        catch (SocketException)
        {
            // A full send buffer or a peer gone: a lost reply, as UDP loses one; the client asks again.
        }
    }

    private async Task AcceptTcpAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _tcp.AcceptAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _ = Task.Run(() => ServeTcpAsync(client));
        }
    }

    /// <summary>DNS over TCP (RFC 7766): each message behind its two-byte length, several per connection.</summary>
    private async Task ServeTcpAsync(Socket client)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        var length = new byte[2];
        try
        {
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                idle.CancelAfter(TimeSpan.FromSeconds(30));
                if (await stream.ReadAtLeastAsync(length, 2, throwOnEndOfStream: false, idle.Token) < 2) return;
                var query = new byte[BinaryPrimitives.ReadUInt16BigEndian(length)];
                await stream.ReadExactlyAsync(query, idle.Token);
                var reply = await _answerer.AnswerAsync(Scope, VpcId, query, idle.Token);
                if (reply is null) return;
                var framed = new byte[reply.Length + 2];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)reply.Length);
                reply.CopyTo(framed, 2);
                await stream.WriteAsync(framed, idle.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or EndOfStreamException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _receiving?.Dispose();
        _udp.Dispose();
        _tcp.Dispose();
        await Task.WhenAll(_loops);
        _stopping.Dispose();
    }
}
