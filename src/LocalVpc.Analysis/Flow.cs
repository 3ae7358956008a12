namespace LocalVpc.Analysis;

/// <summary>What is asked: can <see cref="Source"/> (an instance or a network interface) reach <see cref="Destination"/> (a name or an IPv4 address) on this protocol and port?</summary>
public sealed record Flow(string Source, string Destination, string Protocol, int Port)
{
    /// <summary>The ephemeral port return traffic is judged on by network ACLs (Linux picks from 32768 to 60999).</summary>
    public const int EphemeralPort = 49152;

    /// <summary>The IANA protocol number network ACLs compare.</summary>
    public string ProtocolNumber => Protocol switch { "tcp" => "6", "udp" => "17", "icmp" => "1", _ => Protocol };
}
