namespace LocalVpc.Network.Proxy;

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
