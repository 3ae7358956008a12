namespace LocalVpc.Analysis.Rules;

/// <summary>4 and 6. Security groups: the source's must let the flow out, the destination's must let it in (stateful, so the answer needs no rule).</summary>
internal static class SecurityGroupRules
{
    public static string? Egress(AccountState state, NetworkInterface source, NetworkInterface? target, Flow flow, IPAddress address, List<Hop> hops)
    {
        var family = IpBlock.Family(address);
        var egress = SecurityGroupMatcher.Allowing(state, source.GroupIds, egress: true, flow, address, target?.GroupIds ?? []);
        if (egress is null)
        {
            hops.Add(new Hop(HopComponent.SecurityGroupEgress, string.Join(",", source.GroupIds), false,
                $"no outbound rule of {string.Join(", ", source.GroupIds)} allows {family} {flow.Protocol}/{flow.Port} to {address}", Explanations.SecurityGroupRulesMismatch));
            return $"Add an outbound rule {flow.Protocol}/{flow.Port} to {IpBlock.Host(address)} (or its group) to {source.GroupIds[0]}, the source's group " +
                   $"(aws ec2 authorize-security-group-egress --group-id {source.GroupIds[0]} --ip-permissions " +
                   $"IpProtocol={flow.Protocol},FromPort={Port(flow)},ToPort={Port(flow)},{(IpBlock.IsIpv6(address) ? "Ipv6Ranges=[{CidrIpv6=" : "IpRanges=[{CidrIp=")}{IpBlock.Host(address)}}}]).";
        }
        hops.Add(new Hop(HopComponent.SecurityGroupEgress, egress.Id, true, $"outbound {Describe(egress)}"));
        return null;
    }

    public static string? Ingress(AccountState state, Vpc vpc, NetworkInterface source, NetworkInterface target, Flow flow, IPAddress address, List<Hop> hops)
    {
        if (target.GroupIds.IsEmpty) return null;
        var from = IpBlock.SourceFor(source, address)!;
        var family = IpBlock.Family(address);
        var ingress = SecurityGroupMatcher.Allowing(state, target.GroupIds, egress: false, flow, from, source.GroupIds);
        if (ingress is null)
        {
            hops.Add(new Hop(HopComponent.SecurityGroupIngress, string.Join(",", target.GroupIds), false,
                $"no inbound rule of {string.Join(", ", target.GroupIds)} allows {family} {flow.Protocol}/{flow.Port} from {from} or its groups",
                Explanations.SecurityGroupRulesMismatch));
            var block = IpBlock.IsIpv6(address) ? vpc.Ipv6CidrAssociations.FirstOrDefault()?.Ipv6CidrBlock ?? IpBlock.Host(from) : vpc.CidrBlock;
            return $"Add an inbound rule {flow.Protocol}/{flow.Port} from {source.GroupIds[0]} (or {block}) to {target.GroupIds[0]}, the destination's group " +
                   $"(aws ec2 authorize-security-group-ingress --group-id {target.GroupIds[0]} --protocol {flow.Protocol} --port {Port(flow)} --source-group {source.GroupIds[0]}).";
        }
        hops.Add(new Hop(HopComponent.SecurityGroupIngress, ingress.Id, true, $"inbound {Describe(ingress)}"));
        return null;
    }

    /// <summary>The port a rule for the flow names: ICMP rules take -1 (every type).</summary>
    private static int Port(Flow flow) => flow.Protocol == "icmp" ? -1 : flow.Port;

    private static string Describe(SecurityGroupRule rule) =>
        $"{(rule.IpProtocol == "-1" ? "all traffic" : $"{rule.IpProtocol}/{rule.FromPort}-{rule.ToPort}")} " +
        $"{(rule.IsEgress ? "to" : "from")} {rule.Peer} ({rule.Id})";
}
