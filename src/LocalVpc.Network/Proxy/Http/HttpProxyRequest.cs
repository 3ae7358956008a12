using System.Text;

namespace LocalVpc.Network.Proxy.Http;

/// <summary>
/// Reads an HTTP proxy request: <c>CONNECT host:port</c> opens a tunnel; an absolute-form <c>http://</c> request is
/// forwarded in origin form, one request per connection.
/// </summary>
internal static class HttpProxyRequest
{
    /// <summary>The session, or null when the request is malformed or unsupported (already answered).</summary>
    public static async Task<ProxySession?> ReadAsync(Stream client, HandshakeReader reader, int maxHead, CancellationToken cancellationToken)
    {
        // 1. The head, up to the blank line; what follows it belongs to the destination.
        var buffer = new byte[maxHead];
        var filled = 1 + reader.Buffered;
        buffer[0] = reader.First;
        reader.Leftover.CopyTo(buffer.AsMemory(1));
        int end;
        while ((end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (filled == buffer.Length)
            {
                await HttpRefusal.WriteAsync(client, Refusal.GeneralFailure, null, "request head too large", cancellationToken);
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
            await HttpRefusal.WriteAsync(client, Refusal.GeneralFailure, null, "not an HTTP/1.x request", cancellationToken);
            return null;
        }

        // 2. CONNECT host:port opens a tunnel.
        if (parts[0] == "CONNECT")
        {
            if (!TrySplitAuthority(parts[1], 0, out var host, out var port))
            {
                await HttpRefusal.WriteAsync(client, Refusal.GeneralFailure, null, $"CONNECT needs host:port, not '{parts[1]}'", cancellationToken);
                return null;
            }
            return new HttpSession(client, new ProxyRequest(ProxyProtocol.HttpConnect, host, port, buffer.AsSpan(end + 4, filled - end - 4).ToArray()));
        }

        // 3. Anything else must be absolute-form http://; it is forwarded in origin form, one request per connection, so
        //    a kept-alive proxy connection can never carry a later request to a host that was not decided.
        if (!Uri.TryCreate(parts[1], UriKind.Absolute, out var uri) || uri.Scheme != "http")
        {
            await HttpRefusal.WriteAsync(client, Refusal.GeneralFailure, null,
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
        return new HttpSession(client, new ProxyRequest(ProxyProtocol.HttpForward, uri.IdnHost, uri.Port, prelude));
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
