using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>
/// The client half of a SOCKS5 CONNECT (RFC 1928) with the name sent unresolved, as <c>curl --socks5-hostname</c>
/// and proxychains send it: what a program on an instance does through the instance's proxy.
/// </summary>
public static class Socks5Client
{
    /// <summary>The reply code (0 = connected) and, when connected, the open stream.</summary>
    public static async Task<(byte Reply, NetworkStream? Stream)> ConnectAsync(string proxy, string host, int port)
    {
        var stream = await SendConnectAsync(proxy, host, port);
        // The method choice (2 bytes), then the reply (10): VER REP RSV ATYP BND.ADDR BND.PORT.
        var reply = new byte[12];
        await stream.ReadExactlyAsync(reply);
        if (reply[3] == 0) return (0, stream);
        await stream.DisposeAsync();
        return (reply[3], null);
    }

    /// <summary>
    /// Sends greeting and request together without waiting for anything (a pipelining client): for connections that are
    /// dropped and never answered.
    /// </summary>
    public static async Task<NetworkStream> SendConnectAsync(string proxy, string host, int port)
    {
        var colon = proxy.LastIndexOf(':');
        var socket = new Socket(System.Net.Sockets.AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Parse(proxy[..colon]), int.Parse(proxy[(colon + 1)..]));
        var stream = new NetworkStream(socket, ownsSocket: true);
        // An IPv6 literal goes as SOCKS5's IPv6 address type (4), as clients that resolved AAAA themselves send it; else a name (3).
        byte[] address = IPAddress.TryParse(host, out var literal) && literal.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? [4, .. literal.GetAddressBytes()]
            : [3, (byte)Encoding.ASCII.GetByteCount(host), .. Encoding.ASCII.GetBytes(host)];
        await stream.WriteAsync((byte[])[5, 1, 0, 5, 1, 0, .. address, (byte)(port >> 8), (byte)port]);
        return stream;
    }
}
