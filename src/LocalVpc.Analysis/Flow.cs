namespace LocalVpc.Analysis;

/// <summary>What is asked: can <see cref="Source"/> (an instance or a network interface) reach <see cref="Destination"/> (a name or an IPv4 or IPv6 address) on this protocol and port?</summary>
/// <param name="PreferIpv6">Whether a name resolves to its AAAA record first, as a client that prefers IPv6 asks; else A first.</param>
public sealed record Flow(string Source, string Destination, string Protocol, int Port, bool PreferIpv6 = false)
{
    /// <summary>The ephemeral port return traffic is judged on by network ACLs (Linux picks from 32768 to 60999).</summary>
    public const int EphemeralPort = 49152;

    /// <summary>The IANA protocol number network ACLs compare.</summary>
    public string ProtocolNumber => Protocol switch { "tcp" => "6", "udp" => "17", "icmp" => "1", _ => Protocol };
}
