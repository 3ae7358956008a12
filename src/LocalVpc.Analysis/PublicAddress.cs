using System.Net;
using System.Net.Sockets;

namespace LocalVpc.Analysis;

/// <summary>
/// Whether an address is on the public internet. The internet path only ever leads to public addresses, so an
/// instance's proxy can never reach the host's own services, its LAN, or link-local metadata services that way. The
/// analyser applies it (a hop with <see cref="Explanations.NotPublic"/>); the data plane dials only what it allowed.
/// </summary>
public static class PublicAddress
{
    // Special-purpose IPv4 blocks (IANA registry, RFC 6890): none is "the internet".
    private static readonly (uint Network, int Bits)[] NotPublicV4 =
    [
        (0x00000000, 8), (0x0A000000, 8), (0x64400000, 10), (0x7F000000, 8), (0xA9FE0000, 16), (0xAC100000, 12),
        (0xC0000000, 24), (0xC0000200, 24), (0xC0A80000, 16), (0xC6120000, 15), (0xC6336400, 24), (0xCB007100, 24), (0xE0000000, 3),
    ];

    /// <summary>Whether the IPv4 address (as a number, most significant byte first) is public.</summary>
    public static bool Is(uint value) => !NotPublicV4.Any(b => (value & (uint.MaxValue << (32 - b.Bits))) == b.Network);

    public static bool Is(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> bytes = stackalloc byte[4];
            address.TryWriteBytes(bytes, out _);
            return Is((uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]));
        }
        return !(IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal ||
                 address.IsIPv6Multicast || address.Equals(IPAddress.IPv6Any));
    }
}
