namespace LocalVpc.Network.Proxy;

/// <summary>How the client asked the proxy for its connection.</summary>
public enum ProxyProtocol
{
    /// <summary>SOCKS5 CONNECT (RFC 1928), with the name resolved by the proxy when the client sends one.</summary>
    Socks5,

    /// <summary>HTTP <c>CONNECT host:port</c>: a tunnel.</summary>
    HttpConnect,

    /// <summary>A plain HTTP request in absolute form (<c>GET http://host/path</c>), forwarded in origin form.</summary>
    HttpForward,
}

/// <summary>
/// What a proxy client wants to reach. <see cref="Prelude"/> holds bytes that must reach the destination before
/// anything else (a forwarded HTTP request's rewritten head, or what a client sent right behind its request);
/// <see cref="ReplyPrefix"/> what the client is owed before the reply (a SOCKS5 method choice not yet sent).
/// </summary>
public sealed record ProxyRequest(ProxyProtocol Protocol, string Host, int Port, ReadOnlyMemory<byte> Prelude = default,
    ReadOnlyMemory<byte> ReplyPrefix = default)
{
    public override string ToString() => $"{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}";
}

/// <summary>Why a proxy refuses a connection, in the terms of both protocols it speaks.</summary>
/// <remarks>The values are SOCKS5 reply codes (RFC 1928 §6).</remarks>
public enum Refusal : byte
{
    GeneralFailure = 0x01,

    /// <summary>The VPC's rules deny the flow (HTTP 403).</summary>
    NotAllowed = 0x02,

    HostUnreachable = 0x04,

    /// <summary>The network carried the flow, but nothing serves the destination port (HTTP 502).</summary>
    ConnectionRefused = 0x05,

    CommandNotSupported = 0x07,
    AddressTypeNotSupported = 0x08,
}
