namespace LocalVpc.Network.Proxy.Socks5;

/// <summary>
/// The server's reply to a request (RFC 1928 §6): VER REP RSV, and BND.ADDR 0.0.0.0:0, which clients of a CONNECT do not
/// use; behind whatever the client is still owed (a method choice not yet sent).
/// </summary>
internal static class Socks5Reply
{
    /// <summary>REP 0: succeeded.</summary>
    public const byte Succeeded = 0x00;

    public static byte[] Build(ReadOnlySpan<byte> owed, byte reply) =>
        [.. owed, Socks5Wire.Version, reply, 0, (byte)Socks5AddressType.IPv4, 0, 0, 0, 0, 0, 0];
}
