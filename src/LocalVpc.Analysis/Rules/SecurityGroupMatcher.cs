namespace LocalVpc.Analysis.Rules;

/// <summary>
/// Security groups allow (stateful, allow-only): the first rule of any of the groups that covers protocol, port and peer.
/// A rule's block matches only addresses of its own family (CidrIp IPv4, CidrIpv6 IPv6).
/// </summary>
public static class SecurityGroupMatcher
{
    /// <param name="peerGroups">The groups of the interface on the other side, for rules that name a group.</param>
    public static SecurityGroupRule? Allowing(AccountState state, ImmutableArray<string> groupIds, bool egress, Flow flow, IPAddress peer,
        ImmutableArray<string> peerGroups)
    {
        // Plain loops: this runs once per direction of every flow of a sweep over thousands of instances.
        foreach (var id in groupIds)
        {
            if (!state.SecurityGroups.TryGetValue(id, out var group)) continue;
            foreach (var rule in group.Rules)
                if (rule.IsEgress == egress && Covers(rule, flow) && PeerMatches(state, rule.Peer, peer, peerGroups)) return rule;
        }
        return null;
    }

    private static bool Covers(SecurityGroupRule rule, Flow flow) => rule.IpProtocol switch
    {
        "-1" => true,
        "tcp" or "udp" => rule.IpProtocol == flow.Protocol && flow.Port >= rule.FromPort && flow.Port <= rule.ToPort,
        "icmp" => flow.Protocol == "icmp",
        var number => number == flow.ProtocolNumber,
    };

    private static bool PeerMatches(AccountState state, RulePeer rulePeer, IPAddress peer, ImmutableArray<string> peerGroups)
    {
        if ((rulePeer.CidrIpv4 ?? rulePeer.CidrIpv6) is { } cidr) return IpBlock.Contains(cidr, peer);
        if (rulePeer.GroupId is { } group) return peerGroups.Contains(group);
        if (rulePeer.PrefixListId is { } list) return Lookup.PrefixListCidrs(state, list)?.Any(c => IpBlock.Contains(c, peer)) == true;
        return false;
    }
}
