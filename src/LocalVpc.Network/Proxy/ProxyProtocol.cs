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
