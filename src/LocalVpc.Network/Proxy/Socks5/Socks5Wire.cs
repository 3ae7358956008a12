namespace LocalVpc.Network.Proxy.Socks5;

/// <summary>SOCKS5 wire values (RFC 1928); each enum's values are the bytes on the wire.</summary>
internal static class Socks5Wire
{
    /// <summary>VER, the first byte of every SOCKS5 message.</summary>
    public const byte Version = 5;
}

/// <summary>METHOD in the greeting and the server's choice (RFC 1928 §3).</summary>
internal enum Socks5Method : byte
{
    NoAuthentication = 0x00,
    NoAcceptableMethods = 0xFF,
}

/// <summary>CMD of a request (RFC 1928 §4).</summary>
internal enum Socks5Command : byte
{
    Connect = 0x01,
    Bind = 0x02,
    UdpAssociate = 0x03,
}

/// <summary>ATYP of a request's address (RFC 1928 §5).</summary>
internal enum Socks5AddressType : byte
{
    IPv4 = 0x01,
    DomainName = 0x03,
    IPv6 = 0x04,
}
