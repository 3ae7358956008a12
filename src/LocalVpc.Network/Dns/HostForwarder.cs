namespace LocalVpc.Network.Dns;

/// <summary>
/// Passes queries for names LocalVpc does not own to the host's resolver, as the Amazon-provided resolver passes them
/// to the internet's DNS. The query and reply travel unchanged.
/// </summary>
public sealed class HostForwarder
{
    /// <summary>How long the host's resolver may take. Defaults to 3 s; then the client gets SERVFAIL.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private readonly IPEndPoint[] _servers;

    public HostForwarder(IEnumerable<IPEndPoint> servers) => _servers = [.. servers];

    /// <summary>The host's resolvers, as /etc/resolv.conf (or the platform) names them.</summary>
    public static HostForwarder FromHost() => new(DnsClient.NameServer.ResolveNameServers(skipIPv6SiteLocal: true, fallbackToGooglePublicDns: false)
        .Select(s => new IPEndPoint(IPAddress.Parse(s.Address), s.Port)));

    /// <summary>The reply of the first resolver that answers; null when none does in time.</summary>
    public async Task<byte[]?> ForwardAsync(ReadOnlyMemory<byte> query, CancellationToken cancellationToken)
    {
        foreach (var server in _servers)
        {
            using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await socket.SendToAsync(query, SocketFlags.None, server, timeout.Token);
                var buffer = new byte[4096];
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, server, timeout.Token);
                // The reply must answer this query: same id.
                if (received.ReceivedBytes >= 2 && buffer[0] == query.Span[0] && buffer[1] == query.Span[1]) return buffer[..received.ReceivedBytes];
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
            }
        }
        return null;
    }
}
