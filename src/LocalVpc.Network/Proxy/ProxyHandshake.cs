using LocalVpc.Network.Proxy.Http;
using LocalVpc.Network.Proxy.Socks5;

namespace LocalVpc.Network.Proxy;

/// <summary>
/// The client side of a proxy connection: SOCKS5 (RFC 1928, no authentication), HTTP CONNECT, and plain HTTP
/// proxying, told apart by the first byte. Reads the request into a session that answers it once it is decided.
/// </summary>
public static class ProxyHandshake
{
    /// <summary>Reads what the client asks for; null when the request is malformed or unsupported (already answered).</summary>
    /// <param name="maxHttpHead">The most an HTTP request head may take (<see cref="DataPlaneOptions.MaxHttpHead"/>).</param>
    public static async Task<ProxySession?> ReadAsync(Stream client, int maxHttpHead, CancellationToken cancellationToken)
    {
        var reader = new HandshakeReader(client);
        var first = await reader.ReadFirstAsync(cancellationToken);
        if (first < 0) return null;
        return first == Socks5Wire.Version
            ? await Socks5Handshake.ReadAsync(client, reader, cancellationToken)
            : await HttpProxyRequest.ReadAsync(client, reader, maxHttpHead, cancellationToken);
    }
}
