using System.Net;
using System.Net.Sockets;

namespace LocalVpc.Core.Cidr;

/// <summary>
/// Blocks and addresses of either family, as the analyser meets them in routes, rules and ACL entries: a block of one
/// family never holds an address of the other.
/// </summary>
public static class IpBlock
{
    /// <summary>The prefix length of <paramref name="cidr"/> when it holds <paramref name="address"/>, else -1.</summary>
    public static int MatchLength(string? cidr, IPAddress address) =>
        cidr is not null && IPNetwork.TryParse(cidr, out var block) && block.Contains(address) ? block.PrefixLength : -1;

    public static bool Contains(string? cidr, IPAddress address) => MatchLength(cidr, address) >= 0;

    /// <summary>An address in its strict text form: a dotted quad without leading zeros, or IPv6 without a zone.</summary>
    public static IPAddress? ParseAddress(string text) =>
        Ipv4Cidr.TryParseAddress(text, out _) || Ipv6Cidr.TryParseAddress(text, out _) ? IPAddress.Parse(text) : null;

    public static bool IsIpv6(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>"IPv4" or "IPv6", for explanations that name the family.</summary>
    public static string Family(IPAddress address) => IsIpv6(address) ? "IPv6" : "IPv4";

    /// <summary>The block of exactly one address: /32 or /128.</summary>
    public static string Host(IPAddress address) => $"{address}/{(IsIpv6(address) ? 128 : 32)}";

    /// <summary>Whether an interface holds the address, as a private IPv4 address or an IPv6 address.</summary>
    public static bool Holds(NetworkInterface eni, IPAddress address)
    {
        var text = address.ToString();
        return IsIpv6(address) ? eni.Ipv6Addresses.Contains(text) : eni.PrivateIpAddresses.Contains(text);
    }

    /// <summary>The interface's own address of the family of <paramref name="peer"/>: its primary IPv4, or its first IPv6 address.</summary>
    public static IPAddress? SourceFor(NetworkInterface eni, IPAddress peer) =>
        (IsIpv6(peer) ? eni.Ipv6Address : eni.PrivateIpAddress) is { } own ? IPAddress.Parse(own) : null;
}
