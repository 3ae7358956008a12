namespace LocalVpc.Analysis;

/// <summary>
/// The one place reachability is decided: a flow over one region's snapshot gives a verdict with its hops. Pure: the
/// source's account, the region's other accounts for the provider side of an endpoint service, and LocalVpc's
/// policy (<see cref="NetworkPolicy"/>) are all it reads.
/// </summary>
public static class ReachabilityAnalyzer
{
    public static Verdict Analyze(RegionSnapshot region, string account, Flow flow, NetworkPolicy policy)
    {
        var hops = new List<Hop>();
        var state = region.Account(account);

        // 1. The source: an interface, or an instance's primary interface, and it must be running.
        if (Source(state, flow.Source, hops, out var source) is { } sourceFix) return Verdict.Blocked(null, hops, sourceFix);
        var subnet = state.Subnets[source.SubnetId];
        var vpc = state.Vpcs[source.VpcId];

        // 2. The name, resolved in the source VPC's view.
        var resolution = NameResolver.Resolve(state, vpc, subnet, flow.Destination, policy.Forwarded);
        if (resolution is null && NameResolver.Refuses(vpc))
        {
            hops.Add(new Hop("dns", vpc.Id, false, $"{vpc.Id} has enableDnsSupport off: its resolver answers no name, {flow.Destination} included",
                Explanations.VpcDnsSupportDisabled));
            return Verdict.Blocked(null, hops, $"Turn enableDnsSupport on for {vpc.Id} (aws ec2 modify-vpc-attribute --enable-dns-support), or connect by address.");
        }
        if (resolution is null)
        {
            hops.Add(new Hop("dns", vpc.Id, false, $"{flow.Destination} does not resolve in {vpc.Id}", Explanations.NameNotResolved));
            return Verdict.Blocked(null, hops, $"Use a name that resolves in {vpc.Id}: an endpoint's DNS name, a private DNS name of an endpoint in the VPC, or an address.");
        }
        var address = Ipv4Cidr.FormatAddress(resolution.Address);
        hops.Add(new Hop("dns", vpc.Id, true, $"{flow.Destination} is {address}: {resolution.How}"));
        var target = resolution.NetworkInterfaceId is { } known && state.NetworkInterfaces.TryGetValue(known, out var answering) && answering.VpcId == vpc.Id
            ? answering
            : state.NetworkInterfaces.Values.FirstOrDefault(n => n.VpcId == vpc.Id && n.PrivateIpAddresses.Contains(address));

        // 3. The route out of the source subnet (traffic to the VPC's own blocks stays local).
        var table = state.RouteTableOf(subnet);
        var route = RouteLookup.Find(state, table, resolution.Address);
        if (route is null)
        {
            hops.Add(new Hop("route", table.Id, false, $"{table.Id} has no route to {address}", Explanations.NoRouteToDestination));
            return Verdict.Blocked(address, hops, $"Add a route to {address} in {table.Id} (an internet or NAT gateway, or a VPC endpoint), or enable private DNS on an endpoint for the service.");
        }
        if (state.RouteState(table, route) != "active")
        {
            hops.Add(new Hop("route", table.Id, false, $"the route to {route.Destination} in {table.Id} goes to {route.Target}, which is gone (blackhole)", Explanations.BadStateRoute));
            return Verdict.Blocked(address, hops, $"Replace the blackhole route to {route.Destination} in {table.Id} with a working target.");
        }
        hops.Add(new Hop("route", table.Id, true, $"{route.Destination} via {route.Target} in {table.Id}"));
        if (Beyond(state, source, route, resolution.Address, hops) is { } routeFix) return Verdict.Blocked(address, hops, routeFix);

        // 4. The source's security groups must let the traffic out.
        var targetGroups = target?.GroupIds ?? [];
        var egress = SecurityGroupMatcher.Allowing(state, source.GroupIds, egress: true, flow, resolution.Address, targetGroups);
        if (egress is null)
        {
            hops.Add(new Hop("security-group-egress", string.Join(",", source.GroupIds), false,
                $"no outbound rule of {string.Join(", ", source.GroupIds)} allows {flow.Protocol}/{flow.Port} to {address}", Explanations.SecurityGroupRulesMismatch));
            return Verdict.Blocked(address, hops, $"Add an outbound rule {flow.Protocol}/{flow.Port} to {address}/32 (or its group) to {source.GroupIds[0]}, the source's group.");
        }
        hops.Add(new Hop("security-group-egress", egress.Id, true, $"outbound {Describe(egress)}"));

        // 5. Network ACLs, both subnets, both ways: they are stateless, so the answer on an ephemeral port must get back.
        var targetSubnet = target is null ? null : state.Subnets[target.SubnetId];
        if (Acls(state, flow, subnet, source, targetSubnet, resolution.Address, hops) is { } aclFix) return Verdict.Blocked(address, hops, aclFix);

        // 6. The destination: its security groups, and what it is.
        if (target is null)
        {
            hops.Add(new Hop("destination", null, true, $"{address} is outside {vpc.Id}; the path leaves through {route.Target}"));
            return Verdict.Reached(address, hops, route.Target.GatewayId is { } gateway && state.VpcEndpoints.TryGetValue(gateway, out var gatewayEndpoint)
                ? new ServiceTerminus(gatewayEndpoint.ServiceName, gatewayEndpoint.Id)
                : Internet(route.Target.ToString(), resolution.Address, policy, hops));
        }
        if (!target.GroupIds.IsEmpty)
        {
            var ingress = SecurityGroupMatcher.Allowing(state, target.GroupIds, egress: false, flow, ParseAddress(source.PrivateIpAddress), source.GroupIds);
            if (ingress is null)
            {
                hops.Add(new Hop("security-group-ingress", string.Join(",", target.GroupIds), false,
                    $"no inbound rule of {string.Join(", ", target.GroupIds)} allows {flow.Protocol}/{flow.Port} from {source.PrivateIpAddress} or its groups", Explanations.SecurityGroupRulesMismatch));
                return Verdict.Blocked(address, hops,
                    $"Add an inbound rule {flow.Protocol}/{flow.Port} from {source.GroupIds[0]} (or {vpc.CidrBlock}) to {target.GroupIds[0]}, the destination's group.");
            }
            hops.Add(new Hop("security-group-ingress", ingress.Id, true, $"inbound {Describe(ingress)}"));
        }
        return Destination(state, region, flow, policy, target, address, hops);
    }

    /// <summary>
    /// 7. LocalVpc's policy for a flow the VPC sends to the internet: it goes there only with <c>--internet allow</c>, and
    /// only to a public address, so no instance reaches the host's own services or its LAN that way.
    /// </summary>
    private static Terminus Internet(string gateway, uint address, NetworkPolicy policy, List<Hop> hops)
    {
        var text = Ipv4Cidr.FormatAddress(address);
        if (!policy.InternetAllowed)
        {
            var reason = $"the VPC would send this out through {gateway} to the internet; LocalVpc does so only with --internet allow";
            hops.Add(new Hop("localvpc-internet", gateway, false, reason, Explanations.InternetDenied));
            return new WithheldTerminus(gateway, Explanations.InternetDenied, reason);
        }
        if (!PublicAddress.Is(address))
        {
            var reason = $"{text} is not a public address: the internet path leads only to the internet";
            hops.Add(new Hop("localvpc-internet", gateway, false, reason, Explanations.NotPublic));
            return new WithheldTerminus(gateway, Explanations.NotPublic, reason);
        }
        hops.Add(new Hop("localvpc-internet", gateway, true, $"{text} on the internet"));
        return new InternetTerminus(gateway, text);
    }

    /// <summary>
    /// Which running instances of the account reach <paramref name="destination"/> on this protocol and port: each one
    /// analysed as its own flow, in parallel (the state is immutable, so the flows share it safely).
    /// </summary>
    public static IReadOnlyList<(string InstanceId, Verdict Verdict)> WhoCanReach(RegionSnapshot region, string account,
        string destination, string protocol, int port, NetworkPolicy policy)
    {
        return region.Account(account).Instances.Values.Where(i => i.IsRunning).AsParallel().AsOrdered()
            .Select(i => (i.Id, Analyze(region, account, new Flow(i.Id, destination, protocol, port), policy)))
            .Where(r => r.Item2.Reachable)
            .ToList();
    }

    private static string? Source(AccountState state, string id, List<Hop> hops, out NetworkInterface source)
    {
        source = null!;
        if (state.Instances.TryGetValue(id, out var instance))
        {
            if (!instance.IsRunning)
            {
                hops.Add(new Hop("source", instance.Id, false, $"{instance.Id} is {instance.State}", Explanations.BadState));
                return $"Start {instance.Id}.";
            }
            id = instance.PrimaryNetworkInterfaceId;
        }
        if (!state.NetworkInterfaces.TryGetValue(id, out source!))
        {
            hops.Add(new Hop("source", id, false, $"{id} is neither an instance nor a network interface here", Explanations.NoSourceOrDestination));
            return "Name a running instance (i-…) or a network interface (eni-…) of this account and region.";
        }
        hops.Add(new Hop("source", source.Id, true, $"{source.Id} ({source.PrivateIpAddress}) in {source.SubnetId}"));
        return null;
    }

    /// <summary>What the route leads to outside the VPC: a gateway needs what it needs (a public address, a NAT gateway its own way out).</summary>
    private static string? Beyond(AccountState state, NetworkInterface source, Route route, uint address, List<Hop> hops)
    {
        var target = route.Target;
        if (target.GatewayId is { } igw && igw.StartsWith("igw-", StringComparison.Ordinal))
        {
            if (state.PublicIpOf(source, source.PrivateIpAddress) is null)
            {
                hops.Add(new Hop("internet-gateway", igw, false, $"{source.Id} has no public address, so {igw} cannot carry its traffic", Explanations.InternetGatewayNeedsPublicIp));
                return $"Give {source.Id} a public address (an Elastic IP, or a subnet that maps public addresses), or route through a NAT gateway.";
            }
            hops.Add(new Hop("internet-gateway", igw, true, "to the internet"));
        }
        else if (target.NatGatewayId is { } natId && state.NatGateways.TryGetValue(natId, out var nat))
        {
            var natTable = state.RouteTableOf(state.Subnets[nat.SubnetId]);
            var onward = RouteLookup.Find(state, natTable, address);
            var natOut = onward?.Target.GatewayId is { } g && g.StartsWith("igw-", StringComparison.Ordinal) && state.RouteState(natTable, onward) == "active";
            if (nat.ConnectivityType == "public" && !natOut)
            {
                hops.Add(new Hop("nat-gateway", nat.Id, false, $"{nat.Id}'s subnet {nat.SubnetId} has no route to the internet gateway ({natTable.Id})", Explanations.NoRouteToDestination));
                return $"Add a route 0.0.0.0/0 to the VPC's internet gateway in {natTable.Id}, the NAT gateway's route table.";
            }
            hops.Add(new Hop("nat-gateway", nat.Id, true, nat.ConnectivityType == "public" ? $"translated, then out through {onward!.Target}" : "translated (private NAT)"));
        }
        else if (target.GatewayId is { } vpce && state.VpcEndpoints.TryGetValue(vpce, out var endpoint))
            hops.Add(new Hop("vpc-endpoint", vpce, true, $"gateway endpoint to {endpoint.ServiceName}"));
        return null;
    }

    private static string? Acls(AccountState state, Flow flow, Subnet subnet, NetworkInterface source, Subnet? targetSubnet, uint address, List<Hop> hops)
    {
        // Traffic within one subnet is not judged by network ACLs.
        if (targetSubnet?.Id == subnet.Id) return null;
        var sourceIp = ParseAddress(source.PrivateIpAddress);
        var checks = new List<(Subnet Subnet, bool Egress, uint Peer, int Port, string What)>
        {
            (subnet, true, address, flow.Port, "the request out of the source subnet"),
            (subnet, false, address, Flow.EphemeralPort, "the answer back into the source subnet (ephemeral port)"),
        };
        if (targetSubnet is not null)
        {
            checks.Add((targetSubnet, false, sourceIp, flow.Port, "the request into the destination subnet"));
            checks.Add((targetSubnet, true, sourceIp, Flow.EphemeralPort, "the answer out of the destination subnet (ephemeral port)"));
        }
        foreach (var (aclSubnet, egress, peer, port, what) in checks)
        {
            var acl = state.NetworkAcls[aclSubnet.NetworkAclId];
            var entry = NetworkAclEvaluator.Decide(acl, egress, flow.ProtocolNumber, peer, port);
            var rule = entry.RuleNumber == NetworkAclEntry.FinalRule ? "*" : entry.RuleNumber.ToString();
            var component = egress ? "network-acl-egress" : "network-acl-ingress";
            if (entry.RuleAction != "allow")
            {
                hops.Add(new Hop(component, acl.Id, false, $"{what}: rule {rule} of {acl.Id} denies {flow.Protocol}/{port}", Explanations.SubnetAclRestriction));
                return $"Allow {(egress ? "outbound" : "inbound")} {flow.Protocol} port {port}{(port == Flow.EphemeralPort ? " (ephemeral ports 1024-65535)" : "")} " +
                       $"{(egress ? "to" : "from")} {Ipv4Cidr.FormatAddress(peer)} in {acl.Id} with a rule numbered below {rule}.";
            }
            hops.Add(new Hop(component, acl.Id, true, $"{what}: rule {rule} allows"));
        }
        return null;
    }

    private static Verdict Destination(AccountState state, RegionSnapshot region, Flow flow, NetworkPolicy policy, NetworkInterface target, string address,
        List<Hop> hops)
    {
        if (target.Attachment?.InstanceId is { } instanceId)
        {
            var instance = state.Instances[instanceId];
            if (!instance.IsRunning)
            {
                hops.Add(new Hop("destination", instance.Id, false, $"{instance.Id} is {instance.State}", Explanations.BadState));
                return Verdict.Blocked(address, hops, $"Start {instance.Id}.");
            }
            hops.Add(new Hop("destination", instance.Id, true, $"instance {instance.Id}"));
            return Verdict.Reached(address, hops, new InstanceTerminus(state.Scope.Account, instance.Id, flow.Port));
        }
        var endpoint = state.VpcEndpoints.Values.FirstOrDefault(e => e.NetworkInterfaceIds.Contains(target.Id));
        if (endpoint is null)
        {
            var balancer = state.LoadBalancers.Values.FirstOrDefault(l => l.NetworkInterfaceIds.Contains(target.Id));
            if (balancer is not null) return LoadBalancer(state, balancer, flow, address, hops);
            hops.Add(new Hop("destination", target.Id, true, $"network interface {target.Id}"));
            return Verdict.Reached(address, hops, new InterfaceTerminus(target.Id));
        }
        // The same state Describe shows at this moment: a pending endpoint carries nothing yet.
        var endpointState = endpoint.StateAt(policy.Now);
        if (endpointState != VpcEndpointState.Available)
        {
            var (code, fix) = endpointState switch
            {
                VpcEndpointState.PendingAcceptance => (Explanations.EndpointPendingAcceptance, $"The service's owner must accept {endpoint.Id} (AcceptVpcEndpointConnections)."),
                VpcEndpointState.Rejected => (Explanations.EndpointRejected, $"The service's owner rejected {endpoint.Id}: ask them to accept a new endpoint."),
                _ => (Explanations.BadState, $"Wait until {endpoint.Id} is available."),
            };
            hops.Add(new Hop("vpc-endpoint", endpoint.Id, false, $"{endpoint.Id} is {endpointState.ToWire()}: it carries no traffic", code));
            return Verdict.Blocked(address, hops, fix);
        }
        hops.Add(new Hop("vpc-endpoint", endpoint.Id, true, $"{endpoint.Id} to {endpoint.ServiceName}"));
        if (!EndpointServiceDirectory.IsProviderService(endpoint.ServiceName))
            return Verdict.Reached(address, hops, new ServiceTerminus(endpoint.ServiceName, endpoint.Id));

        // 8. The provider side: the service's load balancer must listen on the port and forward to a target.
        if (EndpointServiceDirectory.Provider(region, endpoint.ServiceName) is not var (configuration, provider))
        {
            hops.Add(new Hop("vpc-endpoint-service", endpoint.ServiceName, false, "the service no longer exists", Explanations.BadState));
            return Verdict.Blocked(address, hops, "The provider deleted the service; connect to another one.");
        }
        hops.Add(new Hop("vpc-endpoint-service", configuration.Id, true, $"service of {configuration.OwnerId}"));
        var balancers = configuration.NetworkLoadBalancerArns.Select(a => provider.LoadBalancers.GetValueOrDefault(a)).OfType<LoadBalancer>();
        return balancers.Select(b => LoadBalancer(provider, b, flow, address, [.. hops])).OrderByDescending(v => v.Reachable).FirstOrDefault()
            ?? Verdict.Blocked(address, hops, "The service has no load balancer left.");
    }

    private static Verdict LoadBalancer(AccountState provider, LoadBalancer balancer, Flow flow, string address, List<Hop> hops)
    {
        var listener = provider.Listeners.Values.FirstOrDefault(l => l.LoadBalancerArn == balancer.Arn && l.Port == flow.Port &&
            (l.Protocol == "TCP_UDP" || l.Protocol.ToLowerInvariant() == flow.Protocol || (l.Protocol == "TLS" && flow.Protocol == "tcp")));
        if (listener is null)
        {
            hops.Add(new Hop("load-balancer-listener", balancer.Arn, false, $"{balancer.Name} has no listener for {flow.Protocol}/{flow.Port}", Explanations.ListenersMismatch));
            return Verdict.Blocked(address, hops, $"Add a {flow.Protocol.ToUpperInvariant()} listener on port {flow.Port} to {balancer.Name}.");
        }
        hops.Add(new Hop("load-balancer-listener", listener.Arn, true, $"{listener.Protocol}/{listener.Port}"));
        var group = provider.TargetGroups[listener.TargetGroupArn];
        var healthy = group.Targets.FirstOrDefault(t => group.TargetType != "instance" ||
            (provider.Instances.TryGetValue(t.Id, out var instance) && instance.IsRunning));
        if (healthy is null)
        {
            hops.Add(new Hop("target-group", group.Arn, false, $"{group.Name} has no healthy target", Explanations.ListenerHasNoTargetGroup));
            return Verdict.Blocked(address, hops, $"Register a running target in {group.Name}.");
        }
        hops.Add(new Hop("target-group", group.Arn, true, $"{group.Name} forwards to {healthy.Id}:{healthy.Port}"));
        // An ip target that is an instance's address is that instance; any other is the address itself.
        var targetInstance = group.TargetType == "instance" ? healthy.Id
            : provider.NetworkInterfaces.Values.FirstOrDefault(n => n.VpcId == group.VpcId && n.PrivateIpAddresses.Contains(healthy.Id))?.Attachment?.InstanceId;
        return Verdict.Reached(address, hops, targetInstance is null
            ? new AddressTerminus(healthy.Id, healthy.Port)
            : new InstanceTerminus(provider.Scope.Account, targetInstance, healthy.Port));
    }

    private static string Describe(SecurityGroupRule rule) =>
        $"{(rule.IpProtocol == "-1" ? "all traffic" : $"{rule.IpProtocol}/{rule.FromPort}-{rule.ToPort}")} " +
        $"{(rule.IsEgress ? "to" : "from")} {rule.Peer} ({rule.Id})";

    private static uint ParseAddress(string text) => Ipv4Cidr.TryParseAddress(text, out var address) ? address : 0;
}
