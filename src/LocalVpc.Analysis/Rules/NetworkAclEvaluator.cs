namespace LocalVpc.Analysis.Rules;

/// <summary>Network ACLs decide (stateless): the lowest-numbered entry of the direction that matches, else the final deny.</summary>
public static class NetworkAclEvaluator
{
    public static NetworkAclEntry Decide(NetworkAcl acl, bool egress, string protocolNumber, uint peer, int port)
    {
        // One pass for the lowest matching number; the final entry (32767) matches everything, so there always is one.
        NetworkAclEntry? decided = null;
        foreach (var e in acl.Entries)
            if (e.Egress == egress && (decided is null || e.RuleNumber < decided.RuleNumber) && Matches(e, protocolNumber, peer, port))
                decided = e;
        return decided ?? throw new InvalidOperationException($"{acl.Id} has no final {(egress ? "outbound" : "inbound")} entry");
    }

    private static bool Matches(NetworkAclEntry e, string protocolNumber, uint peer, int port) =>
        (e.Protocol == "-1" || e.Protocol == protocolNumber) &&
        Ipv4Cidr.TryParse(e.CidrBlock, out var block) && block.Contains(peer) &&
        (e.Protocol is not ("6" or "17") || (port >= e.FromPort && port <= e.ToPort));
}
