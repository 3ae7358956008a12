using System.Buffers.Binary;
using System.Text;

namespace LocalVpc.Network.Proxy;

/// <summary>
/// The client side of a proxy connection: SOCKS5 (RFC 1928, no authentication), HTTP CONNECT, and plain HTTP
/// proxying, told apart by the first byte. Reads the request, then answers it once the connection is decided.
/// </summary>
public static class ProxyHandshake
{
    /// <summary>The most an HTTP request head may take. Defaults to 16 KiB, as a bound on what a client can make us hold.</summary>
    public const int MaxHttpHead = 16 * 1024;

    private const byte SocksVersion = 5;

    /// <summary>Reads what the client asks for; null when the request is malformed or unsupported (already answered).</summary>
    public static async Task<ProxyRequest?> ReadAsync(Stream client, CancellationToken cancellationToken)
    {
        var reader = new HandshakeReader(client);
        var first = await reader.ReadFirstAsync(cancellationToken);
        if (first < 0) return null;
        return first == SocksVersion
            ? await ReadSocksAsync(client, reader, cancellationToken)
            : await ReadHttpAsync(client, reader, cancellationToken);
    }

    /// <summary>Tells the client its connection is open.</summary>
    public static ValueTask AcceptAsync(Stream client, ProxyRequest request, CancellationToken cancellationToken) => request.Protocol switch
    {
        ProxyProtocol.Socks5 => client.WriteAsync(SocksReply(request.ReplyPrefix.Span, 0), cancellationToken),
        ProxyProtocol.HttpConnect => client.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), cancellationToken),
        _ => ValueTask.CompletedTask,
    };

    /// <summary>Refuses the request; over HTTP the explanation travels in a header and the body.</summary>
    public static ValueTask RefuseAsync(Stream client, ProxyRequest request, Refusal refusal, string? explanationCode, string reason,
        CancellationToken cancellationToken) =>
        request.Protocol == ProxyProtocol.Socks5
            ? client.WriteAsync(SocksReply(request.ReplyPrefix.Span, (byte)refusal), cancellationToken)
            : RefuseHttpAsync(client, refusal, explanationCode, reason, cancellationToken);

    /// <summary>
    /// A SOCKS5 reply (RFC 1928 §6) behind what the client is still owed: VER REP RSV, and BND.ADDR 0.0.0.0:0, which
    /// clients of a CONNECT do not use.
    /// </summary>
    private static byte[] SocksReply(ReadOnlySpan<byte> prefix, byte code) => [.. prefix, SocksVersion, code, 0, 1, 0, 0, 0, 0, 0, 0];

    private static ValueTask RefuseHttpAsync(Stream client, Refusal refusal, string? explanationCode, string reason, CancellationToken cancellationToken)
    {
        var (status, text) = refusal switch
        {
            Refusal.NotAllowed => (403, "Forbidden"),
            Refusal.CommandNotSupported => (405, "Method Not Allowed"),
            Refusal.GeneralFailure or Refusal.AddressTypeNotSupported => (400, "Bad Request"),
            _ => (502, "Bad Gateway"),
        };
        var body = Encoding.UTF8.GetBytes(reason + "\n");
        var head = $"HTTP/1.1 {status} {text}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n" +
                   (explanationCode is null ? "" : $"X-LocalVpc-Explanation: {explanationCode}\r\n") + "\r\n";
        byte[] reply = [.. Encoding.ASCII.GetBytes(head), .. body];
        return client.WriteAsync(reply, cancellationToken);
    }

    private static async Task<ProxyRequest?> ReadSocksAsync(Stream client, HandshakeReader reader, CancellationToken cancellationToken)
    {
        // 1. Greeting: the methods the client offers; we serve "no authentication" only.
        var count = new byte[1];
        await reader.ReadExactlyAsync(count, cancellationToken);
        var methods = new byte[count[0]];
        await reader.ReadExactlyAsync(methods, cancellationToken);
        if (!methods.Contains((byte)0))
        {
            await client.WriteAsync(new byte[] { SocksVersion, 0xFF }, cancellationToken);
            return null;
        }
        // A client that sent its request without waiting for our choice gets the choice with the reply: one write less.
        byte[] replyPrefix = [SocksVersion, 0];
        if (reader.Buffered == 0)
        {
            await client.WriteAsync(replyPrefix, cancellationToken);
            replyPrefix = [];
        }

        // 2. The request: VER CMD RSV ATYP DST.ADDR DST.PORT.
        var head = new byte[4];
        await reader.ReadExactlyAsync(head, cancellationToken);
        if (head[0] != SocksVersion) return null;
        string host;
        switch (head[3])
        {
            case 1:
                var v4 = new byte[4];
                await reader.ReadExactlyAsync(v4, cancellationToken);
                host = new IPAddress(v4).ToString();
                break;
            case 3:
                var length = new byte[1];
                await reader.ReadExactlyAsync(length, cancellationToken);
                var name = new byte[length[0]];
                await reader.ReadExactlyAsync(name, cancellationToken);
                host = Encoding.ASCII.GetString(name);
                break;
            case 4:
                var v6 = new byte[16];
                await reader.ReadExactlyAsync(v6, cancellationToken);
                host = new IPAddress(v6).ToString();
                break;
            default:
                await client.WriteAsync(SocksReply(replyPrefix, (byte)Refusal.AddressTypeNotSupported), cancellationToken);
                return null;
        }
        var port = new byte[2];
        await reader.ReadExactlyAsync(port, cancellationToken);
        if (head[1] != 1)
        {
            // BIND and UDP ASSOCIATE: an instance's proxy carries outbound TCP connections only.
            await client.WriteAsync(SocksReply(replyPrefix, (byte)Refusal.CommandNotSupported), cancellationToken);
            return null;
        }
        // What the client sent after its request already belongs to the destination.
        return new ProxyRequest(ProxyProtocol.Socks5, host, BinaryPrimitives.ReadUInt16BigEndian(port), reader.Leftover, replyPrefix);
    }

    private static async Task<ProxyRequest?> ReadHttpAsync(Stream client, HandshakeReader reader, CancellationToken cancellationToken)
    {
        // 1. The head, up to the blank line; what follows it belongs to the destination.
        var buffer = new byte[MaxHttpHead];
        var filled = 1 + reader.Buffered;
        buffer[0] = reader.First;
        reader.Leftover.CopyTo(buffer.AsMemory(1));
        int end;
        while ((end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (filled == buffer.Length)
            {
                await RefuseHttpAsync(client, Refusal.GeneralFailure, null, "request head too large", cancellationToken);
                return null;
            }
            var read = await client.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0) return null;
            filled += read;
        }
        var headText = Encoding.Latin1.GetString(buffer, 0, end);
        var lines = headText.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            await RefuseHttpAsync(client, Refusal.GeneralFailure, null, "not an HTTP/1.x request", cancellationToken);
            return null;
        }

        // 2. CONNECT host:port opens a tunnel.
        if (parts[0] == "CONNECT")
        {
            if (!TrySplitAuthority(parts[1], 0, out var host, out var port))
            {
                await RefuseHttpAsync(client, Refusal.GeneralFailure, null, $"CONNECT needs host:port, not '{parts[1]}'", cancellationToken);
                return null;
            }
            return new ProxyRequest(ProxyProtocol.HttpConnect, host, port, buffer.AsSpan(end + 4, filled - end - 4).ToArray());
        }

        // 3. Anything else must be absolute-form http://; it is forwarded in origin form, one request per connection, so
        //    a kept-alive proxy connection can never carry a later request to a host that was not decided.
        if (!Uri.TryCreate(parts[1], UriKind.Absolute, out var uri) || uri.Scheme != "http")
        {
            await RefuseHttpAsync(client, Refusal.GeneralFailure, null,
                "a proxy request must name an http:// URL (use CONNECT for https)", cancellationToken);
            return null;
        }
        var head = new StringBuilder($"{parts[0]} {uri.PathAndQuery} {parts[2]}\r\n");
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            var field = colon > 0 ? line[..colon].Trim() : "";
            if (field.Equals("Proxy-Connection", StringComparison.OrdinalIgnoreCase) || field.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase) ||
                field.Equals("Connection", StringComparison.OrdinalIgnoreCase) || field.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase))
                continue;
            head.Append(line).Append("\r\n");
        }
        head.Append("Connection: close\r\n\r\n");
        byte[] prelude = [.. Encoding.Latin1.GetBytes(head.ToString()), .. buffer.AsSpan(end + 4, filled - end - 4)];
        return new ProxyRequest(ProxyProtocol.HttpForward, uri.IdnHost, uri.Port, prelude);
    }

    private static bool TrySplitAuthority(string authority, int defaultPort, out string host, out int port)
    {
        host = authority;
        port = defaultPort;
        var colon = authority.LastIndexOf(':');
        if (colon > 0 && !authority.EndsWith(']'))
        {
            host = authority[..colon];
            if (!int.TryParse(authority[(colon + 1)..], out port)) return false;
        }
        host = host.Trim('[', ']');
        return host.Length > 0 && port is > 0 and <= 65535;
    }
}
