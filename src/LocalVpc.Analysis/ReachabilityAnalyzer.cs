using LocalVpc.Analysis.Rules;

namespace LocalVpc.Analysis;

/// <summary>
/// The one place reachability is decided: a flow over one region's snapshot gives a verdict with its hops. Pure: the
/// source's account, the region's other accounts for the provider side of an endpoint service, and LocalVpc's
/// policy (<see cref="NetworkPolicy"/>) are all it reads. Each step is a rule of its own (<c>Rules/</c>); the first that
/// stops the flow gives the verdict its explanation code and smallest fix.
/// </summary>
public static class ReachabilityAnalyzer
{
    public static Verdict Analyze(RegionSnapshot region, string account, Flow flow, NetworkPolicy policy)
    {
        var hops = new List<Hop>();
        var state = region.Account(account);

        // 1. The source: an interface, or an instance's primary interface, and it must be running.
        if (SourceRule.Check(state, flow.Source, hops, out var source) is { } sourceFix) return Verdict.Blocked(null, hops, sourceFix);
        var subnet = state.Subnets[source.SubnetId];
        var vpc = state.Vpcs[source.VpcId];

        // 2. The name, resolved in the source VPC's view; an endpoint's name already says which interface answers.
        // A source with no IPv4 address (an IPv6-only subnet) asks for AAAA records first, as its resolver library would.
        if (NameRule.Check(state, vpc, subnet, source.PrivateIpAddress is null ? flow with { PreferIpv6 = true } : flow, policy, hops, out var resolution) is { } nameFix) return Verdict.Blocked(null, hops, nameFix);
        var address = resolution.Address.ToString();
        if (IpBlock.SourceFor(source, resolution.Address) is null)
        {
            var family = IpBlock.Family(resolution.Address);
            hops.Add(new Hop(HopComponent.Source, source.Id, false, $"{source.Id} has no {family} address, so it cannot reach {address} over {family}",
                Explanations.NoAddressOfFamily));
            if (!IpBlock.IsIpv6(resolution.Address))
                return Verdict.Blocked(address, hops, $"{subnet.Id} is IPv6 only: reach an IPv6 address of the destination, or launch the source in a subnet with an IPv4 block.");
            return Verdict.Blocked(address, hops, subnet.Ipv6CidrAssociation is null
                ? $"Associate an IPv6 block with {subnet.Id} (aws ec2 associate-subnet-cidr-block), then give {source.Id} an IPv6 address."
                : $"Give {source.Id} an IPv6 address (aws ec2 assign-ipv6-addresses --network-interface-id {source.Id} --ipv6-address-count 1).");
        }

        // 3. The route out of the source subnet (traffic to the VPC's own blocks stays local), and what lies beyond it:
        // a gateway, or a peering into another VPC (of this account or another), whose state decides from there on.
        if (RouteRule.Check(state, subnet, resolution.Address, hops, out var route) is { } routeFix) return Verdict.Blocked(address, hops, routeFix);
        if (GatewayRule.Check(region, state, source, route, resolution.Address, hops) is { } gatewayFix) return Verdict.Blocked(address, hops, gatewayFix);
        var (destinationState, destinationVpc) = (state, vpc);
        if (route.Target.VpcPeeringConnectionId is { } peering &&
            PeeringRule.Check(region, state, source, peering, resolution.Address, hops, out destinationState, out destinationVpc) is { } peeringFix)
            return Verdict.Blocked(address, hops, peeringFix);
        var target = resolution.NetworkInterfaceId is { } known && destinationState.NetworkInterfaces.TryGetValue(known, out var answering) &&
                     answering.VpcId == destinationVpc.Id
            ? answering
            : destinationState.NetworkInterfaces.Values.FirstOrDefault(n => n.VpcId == destinationVpc.Id && IpBlock.Holds(n, resolution.Address));
        if (target is null && destinationVpc != vpc)
        {
            hops.Add(new Hop(HopComponent.Destination, null, false, $"no network interface in {destinationVpc.Id} holds {address}", Explanations.NoSourceOrDestination));
            return Verdict.Blocked(address, hops, $"Connect to an address that an instance, endpoint or load balancer in {destinationVpc.Id} holds.");
        }
        var targetSubnet = target is null ? null : destinationState.Subnets[target.SubnetId];
        if (route.Target.VpcPeeringConnectionId is { } back &&
            PeeringRule.CheckReturn(destinationState, targetSubnet!, source, back, resolution.Address, hops) is { } returnFix)
            return Verdict.Blocked(address, hops, returnFix);

        // 4. The source's security groups must let the traffic out.
        if (SecurityGroupRules.Egress(state, source, target, flow, resolution.Address, hops) is { } egressFix) return Verdict.Blocked(address, hops, egressFix);

        // 5. Network ACLs, both subnets, both ways.
        if (NetworkAclRule.Check(state, flow, subnet, source, destinationState, targetSubnet, resolution.Address, hops) is { } aclFix)
            return Verdict.Blocked(address, hops, aclFix);

        // 6. Outside the VPC: a gateway endpoint's service, or the internet under LocalVpc's policy (7).
        if (target is null)
        {
            hops.Add(new Hop(HopComponent.Destination, null, true, $"{address} is outside {vpc.Id}; the path leaves through {route.Target}"));
            return Verdict.Reached(address, hops, route.Target.GatewayId is { } gateway && state.VpcEndpoints.TryGetValue(gateway, out var gatewayEndpoint)
                ? new ServiceTerminus(gatewayEndpoint.ServiceName, gatewayEndpoint.Id)
                : InternetPolicyRule.Apply(route.Target.ToString(), resolution.Address, policy, hops));
        }

        // 6. Inside: the destination's security groups, then what it is (7: endpoint state, 8: the provider's load balancer).
        if (SecurityGroupRules.Ingress(destinationState, vpc, source, target, flow, resolution.Address, hops) is { } ingressFix) return Verdict.Blocked(address, hops, ingressFix);
        return DestinationRule.Check(destinationState, region, flow, policy, target, address, hops);
    }

    /// <summary>
    /// Which running instances of the account reach <paramref name="destination"/> on this protocol and port: each one
    /// analysed as its own flow, in parallel (the state is immutable, so the flows share it safely).
    /// </summary>
    public static IReadOnlyList<(string InstanceId, Verdict Verdict)> WhoCanReach(RegionSnapshot region, string account,
        string destination, string protocol, int port, NetworkPolicy policy) =>
        region.Account(account).Instances.Values.Where(i => i.IsRunning).AsParallel().AsOrdered()
            .Select(i => (i.Id, Analyze(region, account, new Flow(i.Id, destination, protocol, port), policy)))
            .Where(r => r.Item2.Reachable)
            .ToList();
}
