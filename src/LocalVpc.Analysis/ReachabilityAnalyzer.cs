namespace LocalVpc.Analysis;

/// <summary>
/// The one place reachability is decided: a flow over the live state gives a verdict with its hops. Pure: the
/// state of the source's account, and the states of the region's other accounts for the provider side of an
/// endpoint service.
/// </summary>
public static class ReachabilityAnalyzer
{
    public static Verdict Analyze(RegionState state, IEnumerable<RegionState> region, Flow flow)
    {
        var hops = new List<Hop>();

        // 1. The source: an interface, or an instance's primary interface, and it must be running.
        if (Source(state, flow.Source, hops, out var source) is { } sourceFix) return Verdict.Blocked(null, hops, sourceFix);
        var subnet = state.Subnets[source.SubnetId];
        var vpc = state.Vpcs[source.VpcId];

        // 2. The name, resolved in the source VPC's view.
        var resolution = NameResolver.Resolve(state, vpc, subnet, flow.Destination, hops);
        if (resolution is null)
        {
            hops.Add(new Hop("dns", vpc.Id, false, $"{flow.Destination} does not resolve in {vpc.Id}", "LOCALVPC_NAME_NOT_RESOLVED"));
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
            hops.Add(new Hop("route", table.Id, false, $"{table.Id} has no route to {address}", "NO_ROUTE_TO_DESTINATION"));
            return Verdict.Blocked(address, hops, $"Add a route to {address} in {table.Id} (an internet or NAT gateway, or a VPC endpoint), or enable private DNS on an endpoint for the service.");
        }
        if (state.RouteState(table, route) != "active")
        {
            hops.Add(new Hop("route", table.Id, false, $"the route to {route.Destination} in {table.Id} goes to {route.Target}, which is gone (blackhole)", "BAD_STATE_ROUTE"));
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
                $"no outbound rule of {string.Join(", ", source.GroupIds)} allows {flow.Protocol}/{flow.Port} to {address}", "ENI_SG_RULES_MISMATCH"));
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
                : new InternetTerminus(route.Target.ToString()));
        }
        if (!target.GroupIds.IsEmpty)
        {
            var ingress = SecurityGroupMatcher.Allowing(state, target.GroupIds, egress: false, flow, ParseAddress(source.PrivateIpAddress), source.GroupIds);
            if (ingress is null)
            {
                hops.Add(new Hop("security-group-ingress", string.Join(",", target.GroupIds), false,
                    $"no inbound rule of {string.Join(", ", target.GroupIds)} allows {flow.Protocol}/{flow.Port} from {source.PrivateIpAddress} or its groups", "ENI_SG_RULES_MISMATCH"));
                return Verdict.Blocked(address, hops,
                    $"Add an inbound rule {flow.Protocol}/{flow.Port} from {source.GroupIds[0]} (or {vpc.CidrBlock}) to {target.GroupIds[0]}, the destination's group.");
            }
            hops.Add(new Hop("security-group-ingress", ingress.Id, true, $"inbound {Describe(ingress)}"));
        }
        return Destination(state, region, flow, target, address, hops);
    }

    /// <summary>
    /// Which running instances of the account reach <paramref name="destination"/> on this protocol and port: each one
    /// analysed as its own flow, in parallel (the state is immutable, so the flows share it safely).
    /// </summary>
    public static IReadOnlyList<(string InstanceId, Verdict Verdict)> WhoCanReach(RegionState state, IEnumerable<RegionState> region,
        string destination, string protocol, int port)
    {
        var accounts = region as IReadOnlyCollection<RegionState> ?? [.. region];
        return state.Instances.Values.Where(i => i.IsRunning).AsParallel().AsOrdered()
            .Select(i => (i.Id, Analyze(state, accounts, new Flow(i.Id, destination, protocol, port))))
            .Where(r => r.Item2.Reachable)
            .ToList();
    }

    private static string? Source(RegionState state, string id, List<Hop> hops, out NetworkInterface source)
    {
        source = null!;
        if (state.Instances.TryGetValue(id, out var instance))
        {
            if (!instance.IsRunning)
            {
                hops.Add(new Hop("source", instance.Id, false, $"{instance.Id} is {instance.State}", "BAD_STATE"));
                return $"Start {instance.Id}.";
            }
            id = instance.PrimaryNetworkInterfaceId;
        }
        if (!state.NetworkInterfaces.TryGetValue(id, out source!))
        {
            hops.Add(new Hop("source", id, false, $"{id} is neither an instance nor a network interface here", "NO_SOURCE_OR_DESTINATION"));
            return "Name a running instance (i-…) or a network interface (eni-…) of this account and region.";
        }
        hops.Add(new Hop("source", source.Id, true, $"{source.Id} ({source.PrivateIpAddress}) in {source.SubnetId}"));
        return null;
    }

    /// <summary>What the route leads to outside the VPC: a gateway needs what it needs (a public address, a NAT gateway its own way out).</summary>
    private static string? Beyond(RegionState state, NetworkInterface source, Route route, uint address, List<Hop> hops)
    {
        var target = route.Target;
        if (target.GatewayId is { } igw && igw.StartsWith("igw-", StringComparison.Ordinal))
        {
            if (state.PublicIpOf(source, source.PrivateIpAddress) is null)
            {
                hops.Add(new Hop("internet-gateway", igw, false, $"{source.Id} has no public address, so {igw} cannot carry its traffic", "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"));
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
                hops.Add(new Hop("nat-gateway", nat.Id, false, $"{nat.Id}'s subnet {nat.SubnetId} has no route to the internet gateway ({natTable.Id})", "NO_ROUTE_TO_DESTINATION"));
                return $"Add a route 0.0.0.0/0 to the VPC's internet gateway in {natTable.Id}, the NAT gateway's route table.";
            }
            hops.Add(new Hop("nat-gateway", nat.Id, true, nat.ConnectivityType == "public" ? $"translated, then out through {onward!.Target}" : "translated (private NAT)"));
        }
        else if (target.GatewayId is { } vpce && state.VpcEndpoints.TryGetValue(vpce, out var endpoint))
            hops.Add(new Hop("vpc-endpoint", vpce, true, $"gateway endpoint to {endpoint.ServiceName}"));
        return null;
    }

    private static string? Acls(RegionState state, Flow flow, Subnet subnet, NetworkInterface source, Subnet? targetSubnet, uint address, List<Hop> hops)
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
                hops.Add(new Hop(component, acl.Id, false, $"{what}: rule {rule} of {acl.Id} denies {flow.Protocol}/{port}", "SUBNET_ACL_RESTRICTION"));
                return $"Allow {(egress ? "outbound" : "inbound")} {flow.Protocol} port {port}{(port == Flow.EphemeralPort ? " (ephemeral ports 1024-65535)" : "")} " +
                       $"{(egress ? "to" : "from")} {Ipv4Cidr.FormatAddress(peer)} in {acl.Id} with a rule numbered below {rule}.";
            }
            hops.Add(new Hop(component, acl.Id, true, $"{what}: rule {rule} allows"));
        }
        return null;
    }

    private static Verdict Destination(RegionState state, IEnumerable<RegionState> region, Flow flow, NetworkInterface target, string address, List<Hop> hops)
    {
        if (target.Attachment?.InstanceId is { } instanceId)
        {
            var instance = state.Instances[instanceId];
            if (!instance.IsRunning)
            {
                hops.Add(new Hop("destination", instance.Id, false, $"{instance.Id} is {instance.State}", "BAD_STATE"));
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
        if (endpoint.State != "available")
        {
            var (code, fix) = endpoint.State switch
            {
                "pendingAcceptance" => ("LOCALVPC_ENDPOINT_PENDING_ACCEPTANCE", $"The service's owner must accept {endpoint.Id} (AcceptVpcEndpointConnections)."),
                "rejected" => ("LOCALVPC_ENDPOINT_REJECTED", $"The service's owner rejected {endpoint.Id}: ask them to accept a new endpoint."),
                _ => ("BAD_STATE", $"Wait until {endpoint.Id} is available."),
            };
            hops.Add(new Hop("vpc-endpoint", endpoint.Id, false, $"{endpoint.Id} is {endpoint.State}: it carries no traffic", code));
            return Verdict.Blocked(address, hops, fix);
        }
        hops.Add(new Hop("vpc-endpoint", endpoint.Id, true, $"{endpoint.Id} to {endpoint.ServiceName}"));
        if (!endpoint.ServiceName.StartsWith(EndpointServiceDirectory.NamePrefix, StringComparison.Ordinal))
            return Verdict.Reached(address, hops, new ServiceTerminus(endpoint.ServiceName, endpoint.Id));

        // 7. The provider side: the service's load balancer must listen on the port and forward to a target.
        var (provider, configuration) = region
            .SelectMany(r => r.EndpointServices.Values.Where(c => c.ServiceName == endpoint.ServiceName).Select(c => (r, c)))
            .FirstOrDefault();
        if (provider is null || configuration is null)
        {
            hops.Add(new Hop("vpc-endpoint-service", endpoint.ServiceName, false, "the service no longer exists", "BAD_STATE"));
            return Verdict.Blocked(address, hops, "The provider deleted the service; connect to another one.");
        }
        hops.Add(new Hop("vpc-endpoint-service", configuration.Id, true, $"service of {configuration.OwnerId}"));
        var balancers = configuration.NetworkLoadBalancerArns.Select(a => provider.LoadBalancers.GetValueOrDefault(a)).OfType<LoadBalancer>();
        return balancers.Select(b => LoadBalancer(provider, b, flow, address, [.. hops])).OrderByDescending(v => v.Reachable).FirstOrDefault()
            ?? Verdict.Blocked(address, hops, "The service has no load balancer left.");
    }

    private static Verdict LoadBalancer(RegionState provider, LoadBalancer balancer, Flow flow, string address, List<Hop> hops)
    {
        var listener = provider.Listeners.Values.FirstOrDefault(l => l.LoadBalancerArn == balancer.Arn && l.Port == flow.Port &&
            (l.Protocol == "TCP_UDP" || l.Protocol.ToLowerInvariant() == flow.Protocol || (l.Protocol == "TLS" && flow.Protocol == "tcp")));
        if (listener is null)
        {
            hops.Add(new Hop("load-balancer-listener", balancer.Arn, false, $"{balancer.Name} has no listener for {flow.Protocol}/{flow.Port}", "ELBV2_LISTENERS_MISMATCH"));
            return Verdict.Blocked(address, hops, $"Add a {flow.Protocol.ToUpperInvariant()} listener on port {flow.Port} to {balancer.Name}.");
        }
        hops.Add(new Hop("load-balancer-listener", listener.Arn, true, $"{listener.Protocol}/{listener.Port}"));
        var group = provider.TargetGroups[listener.TargetGroupArn];
        var healthy = group.Targets.FirstOrDefault(t => group.TargetType != "instance" ||
            (provider.Instances.TryGetValue(t.Id, out var instance) && instance.IsRunning));
        if (healthy is null)
        {
            hops.Add(new Hop("target-group", group.Arn, false, $"{group.Name} has no healthy target", "ELBV2_LISTENER_HAS_NO_TG"));
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
