namespace LocalVpc.Analysis.Rules;

/// <summary>
/// 5. Network ACLs, both subnets, both ways: they are stateless, so the answer on an ephemeral port must get back too.
/// Traffic within one subnet is not judged by them.
/// </summary>
internal static class NetworkAclRule
{
    /// <param name="targetState">The destination's account: another one when the flow crosses a peering.</param>
    public static string? Check(AccountState state, Flow flow, Subnet subnet, NetworkInterface source, AccountState targetState, Subnet? targetSubnet,
        IPAddress address, List<Hop> hops)
    {
        // Traffic within one subnet is not judged by network ACLs.
        if (targetSubnet?.Id == subnet.Id) return null;
        var sourceIp = IpBlock.SourceFor(source, address)!;
        var family = IpBlock.Family(address);
        var checks = new List<(AccountState State, Subnet Subnet, bool Egress, IPAddress Peer, int Port, string What)>
        {
            (state, subnet, true, address, flow.Port, "the request out of the source subnet"),
            (state, subnet, false, address, Flow.EphemeralPort, "the answer back into the source subnet (ephemeral port)"),
        };
        if (targetSubnet is not null)
        {
            checks.Add((targetState, targetSubnet, false, sourceIp, flow.Port, "the request into the destination subnet"));
            checks.Add((targetState, targetSubnet, true, sourceIp, Flow.EphemeralPort, "the answer out of the destination subnet (ephemeral port)"));
        }
        foreach (var (aclState, aclSubnet, egress, peer, port, what) in checks)
        {
            var acl = aclState.NetworkAcls[aclSubnet.NetworkAclId];
            var entry = NetworkAclEvaluator.Decide(acl, egress, flow.ProtocolNumber, peer, port);
            var rule = entry.IsFinal ? "*" : entry.RuleNumber.ToString();
            var component = egress ? HopComponent.NetworkAclEgress : HopComponent.NetworkAclIngress;
            if (entry.RuleAction != "allow")
            {
                hops.Add(new Hop(component, acl.Id, false, $"{what}: rule {rule} of {acl.Id} denies {family} {flow.Protocol}/{port}", Explanations.SubnetAclRestriction));
                return $"Allow {(egress ? "outbound" : "inbound")} {family} {flow.Protocol} port {port}{(port == Flow.EphemeralPort ? " (ephemeral ports 1024-65535)" : "")} " +
                       $"{(egress ? "to" : "from")} {peer} in {acl.Id} with a rule numbered below {rule}{(IpBlock.IsIpv6(peer) ? " (an entry with an Ipv6CidrBlock)" : "")}.";
            }
            hops.Add(new Hop(component, acl.Id, true, $"{what}: rule {rule} allows"));
        }
        return null;
    }
}
