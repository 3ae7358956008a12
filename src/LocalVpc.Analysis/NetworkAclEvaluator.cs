namespace LocalVpc.Analysis;

/// <summary>Network ACLs decide (stateless): the lowest-numbered entry of the direction that matches, else the final deny.</summary>
public static class NetworkAclEvaluator
{
    public static NetworkAclEntry Decide(NetworkAcl acl, bool egress, string protocolNumber, uint peer, int port) =>
        acl.Entries.Where(e => e.Egress == egress).OrderBy(e => e.RuleNumber).First(e =>
            (e.Protocol == "-1" || e.Protocol == protocolNumber) &&
            Ipv4Cidr.TryParse(e.CidrBlock, out var block) && block.Contains(peer) &&
            (e.Protocol is not ("6" or "17") || (port >= e.FromPort && port <= e.ToPort)));
}
