namespace LocalVpc.Analysis.Rules;

/// <summary>
/// Network ACLs decide (stateless): the lowest-numbered entry of the direction that matches, else the final deny of the
/// peer's family (32767 for IPv4, 32768 for IPv6; an ACL of a VPC without IPv6 has no IPv6 entry at all, and denies it).
/// </summary>
public static class NetworkAclEvaluator
{
    public static NetworkAclEntry Decide(NetworkAcl acl, bool egress, string protocolNumber, IPAddress peer, int port)
    {
        NetworkAclEntry? decided = null;
        foreach (var e in acl.Entries)
            if (e.Egress == egress && (decided is null || e.RuleNumber < decided.RuleNumber) && Matches(e, protocolNumber, peer, port))
                decided = e;
        return decided ?? (IpBlock.IsIpv6(peer)
            ? new NetworkAclEntry(NetworkAclEntry.FinalIpv6Rule, "-1", "deny", egress, VpcLayout.AnyIpv6)
            : new NetworkAclEntry(NetworkAclEntry.FinalRule, "-1", "deny", egress, VpcLayout.AnyIpv4));
    }

    private static bool Matches(NetworkAclEntry e, string protocolNumber, IPAddress peer, int port) =>
        (e.Protocol == "-1" || e.Protocol == protocolNumber) &&
        IpBlock.Contains(e.CidrBlock, peer) &&
        (e.Protocol is not ("6" or "17") || (port >= e.FromPort && port <= e.ToPort));
}
