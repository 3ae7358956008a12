namespace LocalVpc.Core.Resources;

/// <summary>
/// A network ACL rule. The final denies that AWS shows as <c>*</c> in the console are numbered 32767 (IPv4) and 32768 (IPv6).
/// </summary>
/// <param name="Protocol">An IANA protocol number as a string, or -1 for all.</param>
/// <param name="CidrBlock">The block the rule matches, of either family (the API names an IPv6 one <c>ipv6CidrBlock</c>).</param>
public sealed record NetworkAclEntry(int RuleNumber, string Protocol, string RuleAction, bool Egress, string CidrBlock,
    int? FromPort = null, int? ToPort = null, int? IcmpType = null, int? IcmpCode = null)
{
    /// <summary>The number of the implicit final IPv4 rule.</summary>
    public const int FinalRule = 32767;

    /// <summary>The number of the implicit final IPv6 rule, added with a VPC's first IPv6 block.</summary>
    public const int FinalIpv6Rule = 32768;

    public bool IsFinal => RuleNumber >= FinalRule;

    public bool IsIpv6 => CidrBlock.Contains(':');

    public string? Ipv4CidrBlock => IsIpv6 ? null : CidrBlock;

    public string? Ipv6CidrBlock => IsIpv6 ? CidrBlock : null;
}
