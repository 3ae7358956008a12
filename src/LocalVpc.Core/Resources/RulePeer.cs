namespace LocalVpc.Core.Resources;

/// <summary>The other side of a security group rule: exactly one of an IPv4 block, an IPv6 block, a prefix list or a group.</summary>
public sealed record RulePeer(string? CidrIpv4 = null, string? CidrIpv6 = null, string? PrefixListId = null,
    string? GroupId = null, string? GroupOwnerId = null)
{
    public static RulePeer Ipv4(string cidr) => new(CidrIpv4: cidr);

    public static RulePeer Group(string groupId, string ownerId) => new(GroupId: groupId, GroupOwnerId: ownerId);

    /// <summary>How AWS names the peer in its duplicate-rule message.</summary>
    public override string ToString() => CidrIpv4 ?? CidrIpv6 ?? PrefixListId ?? GroupId ?? "";
}
