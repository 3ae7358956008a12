using System.Buffers.Binary;
using System.Text;

namespace LocalVpc.Network.Proxy.Socks5;

/// <summary>Reads a SOCKS5 greeting and CONNECT request (RFC 1928, no authentication) into a session.</summary>
internal static class Socks5Handshake
{
    /// <summary>The session, or null when the client asked for what we do not serve (already answered).</summary>
    public static async Task<ProxySession?> ReadAsync(Stream client, HandshakeReader reader, CancellationToken cancellationToken)
    {
        // 1. Greeting (VER was the first byte): the methods the client offers; we serve "no authentication" only.
        var count = new byte[1];
        await reader.ReadExactlyAsync(count, cancellationToken);
        var methods = new byte[count[0]];
        await reader.ReadExactlyAsync(methods, cancellationToken);
        if (!methods.Contains((byte)Socks5Method.NoAuthentication))
        {
            await client.WriteAsync(new[] { Socks5Wire.Version, (byte)Socks5Method.NoAcceptableMethods }, cancellationToken);
            return null;
        }
        // A client that sent its request without waiting for our choice gets the choice with the reply: one write less.
        byte[] owed = [Socks5Wire.Version, (byte)Socks5Method.NoAuthentication];
        if (reader.Buffered == 0)
        {
            await client.WriteAsync(owed, cancellationToken);
            owed = [];
        }

        // 2. The request: VER CMD RSV ATYP DST.ADDR DST.PORT.
        var head = new byte[4];
        await reader.ReadExactlyAsync(head, cancellationToken);
        if (head[0] != Socks5Wire.Version) return null;
        string host;
        switch ((Socks5AddressType)head[3])
        {
            case Socks5AddressType.IPv4:
                var v4 = new byte[4];
                await reader.ReadExactlyAsync(v4, cancellationToken);
                host = new IPAddress(v4).ToString();
                break;
            case Socks5AddressType.DomainName:
                var length = new byte[1];
                await reader.ReadExactlyAsync(length, cancellationToken);
                var name = new byte[length[0]];
                await reader.ReadExactlyAsync(name, cancellationToken);
                host = Encoding.ASCII.GetString(name);
                break;
            case Socks5AddressType.IPv6:
                var v6 = new byte[16];
                await reader.ReadExactlyAsync(v6, cancellationToken);
                host = new IPAddress(v6).ToString();
                break;
            default:
                await client.WriteAsync(Socks5Reply.Build(owed, (byte)Refusal.AddressTypeNotSupported), cancellationToken);
                return null;
        }
        var port = new byte[2];
        await reader.ReadExactlyAsync(port, cancellationToken);
        if ((Socks5Command)head[1] != Socks5Command.Connect)
        {
            // BIND and UDP ASSOCIATE: an instance's proxy carries outbound TCP connections only.
            await client.WriteAsync(Socks5Reply.Build(owed, (byte)Refusal.CommandNotSupported), cancellationToken);
            return null;
        }
        // What the client sent after its request already belongs to the destination.
        return new Socks5Session(client, new ProxyRequest(ProxyProtocol.Socks5, host, BinaryPrimitives.ReadUInt16BigEndian(port), reader.Leftover), owed);
    }
}
