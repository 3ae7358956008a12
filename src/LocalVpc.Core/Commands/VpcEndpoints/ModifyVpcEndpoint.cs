namespace LocalVpc.Core.Commands.VpcEndpoints;

/// <summary>
/// ModifyVpcEndpoint: subnets (interfaces come and go with them), security groups (on every interface),
/// route tables (their routes come and go), private DNS with the same rules as at creation, the policy, and the IP
/// address and DNS record types (interfaces gain or lose their IPv6 address with the address type).
/// </summary>
public sealed record ModifyVpcEndpoint(
    string VpcEndpointId,
    ImmutableArray<string> AddSubnetIds,
    ImmutableArray<string> RemoveSubnetIds,
    ImmutableArray<string> AddGroupIds,
    ImmutableArray<string> RemoveGroupIds,
    ImmutableArray<string> AddRouteTableIds,
    ImmutableArray<string> RemoveRouteTableIds,
    string? PolicyDocument,
    bool ResetPolicy,
    bool? PrivateDnsEnabled,
    bool? PrivateDnsOnlyForInboundResolverEndpoint,
    string? IpAddressType = null,
    string? DnsRecordIpType = null) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.VpcEndpoint.Find(state, VpcEndpointId, out var endpoint) is { } error) return error;
        var service = EndpointServiceDirectory.ForEndpoint(context.Region, state, endpoint.ServiceName, endpoint.Type);
        if (service is null) return Ec2Errors.InvalidServiceName(endpoint.ServiceName);
        var vpc = state.Vpcs[endpoint.VpcId];
        var events = new List<Event>();

        // 1. Policy.
        if (ResetPolicy && PolicyDocument is not null)
            return Ec2Errors.InvalidParameterCombination("ResetPolicy and PolicyDocument cannot be given together.");
        if (PolicyDocument is not null && EndpointRules.CheckPolicy(PolicyDocument, service) is { } policyError) return policyError;
        var policy = ResetPolicy ? EndpointRules.DefaultPolicy(endpoint.Type) : PolicyDocument ?? endpoint.PolicyDocument;

        // 2. The parts of the endpoint's type.
        var updated = endpoint with { PolicyDocument = policy };
        if (endpoint.IsInterface)
        {
            if (!AddRouteTableIds.IsEmpty || !RemoveRouteTableIds.IsEmpty)
                return Ec2Errors.InvalidParameter("Route tables can be given for Gateway endpoints only.");
            var ipAddressType = IpAddressType ?? endpoint.IpAddressType;
            var dnsRecordIpType = DnsRecordIpType ?? (IpAddressType is null ? endpoint.DnsRecordIpType : EndpointIpTypes.DefaultDnsRecordIpType(ipAddressType));
            if (ModifyInterfaces(state, context, endpoint, EndpointIpTypes.HasIpv6(ipAddressType), events, out updated, out var subnets) is { } interfaceError)
                return interfaceError;
            if (EndpointIpTypes.Check(service, subnets, ipAddressType, dnsRecordIpType) is { } ipTypeError) return ipTypeError;
            updated = updated with { PolicyDocument = policy, IpAddressType = ipAddressType, DnsRecordIpType = dnsRecordIpType };
            // DnsOptions alone changes where S3's private DNS answers, keeping private DNS as it is.
            if ((PrivateDnsEnabled ?? (PrivateDnsOnlyForInboundResolverEndpoint is null ? null : endpoint.PrivateDnsEnabled)) is { } privateDns)
            {
                if (privateDns && EndpointRules.CheckPrivateDns(state, vpc, service, endpoint.Id) is { } dnsError) return dnsError;
                updated = updated with
                {
                    PrivateDnsEnabled = privateDns,
                    ServicePrivateDnsNames = privateDns ? service.UsablePrivateDnsNames : [],
                    PrivateDnsOnlyForInboundResolverEndpoint = privateDns && service.PrivateDnsOnlyWithGateway
                        ? PrivateDnsOnlyForInboundResolverEndpoint ?? endpoint.PrivateDnsOnlyForInboundResolverEndpoint ?? true
                        : null,
                };
            }
        }
        else
        {
            if (!AddSubnetIds.IsEmpty || !RemoveSubnetIds.IsEmpty || !AddGroupIds.IsEmpty || !RemoveGroupIds.IsEmpty)
                return Ec2Errors.InvalidParameter("Subnets and security groups can be given for Interface endpoints only.");
            if (PrivateDnsEnabled == true) return Ec2Errors.InvalidParameter("Private DNS can be enabled for Interface endpoints only.");
            if (EndpointIpTypes.Check(service, [], IpAddressType ?? endpoint.IpAddressType, DnsRecordIpType ?? endpoint.DnsRecordIpType) is { } ipTypeError)
                return ipTypeError;
            if (EndpointRules.CheckRouteTables(state, endpoint.VpcId, AddRouteTableIds, out var added) is { } addError) return addError;
            if (EndpointRules.CheckRouteTables(state, endpoint.VpcId, RemoveRouteTableIds, out var removed) is { } removeError) return removeError;
            foreach (var table in added.Where(t => !endpoint.RouteTableIds.Contains(t.Id)))
            {
                if (table.Routes.Any(r => r.DestinationPrefixListId == service.PrefixList!.Id)) return Ec2Errors.RouteAlreadyExists(service.PrefixList!.Id);
                events.Add(new ResourcePut(table with { Routes = table.Routes.Add(EndpointRules.GatewayRoute(service.PrefixList!, endpoint.Id)) }));
            }
            foreach (var table in removed.Where(t => endpoint.RouteTableIds.Contains(t.Id)))
                events.Add(new ResourcePut(table with { Routes = table.Routes.RemoveAll(r => r.Target.GatewayId == endpoint.Id) }));
            updated = updated with
            {
                RouteTableIds = [.. endpoint.RouteTableIds.Except(removed.Select(t => t.Id)).Union(added.Select(t => t.Id))],
            };
        }
        events.Insert(0, new ResourcePut(updated.ChangedAtTime(context.Time.GetUtcNow(), context.EndpointTransition)));
        return Decision.Of(true, events);
    }

    /// <param name="ipv6">Whether every interface holds an IPv6 address once changed.</param>
    private AwsError? ModifyInterfaces(AccountState state, CommandContext context, VpcEndpoint endpoint, bool ipv6, List<Event> events,
        out VpcEndpoint updated, out List<Subnet> subnets)
    {
        updated = endpoint;
        subnets = [];
        // Groups first, so new interfaces get the new set.
        if (EndpointRules.CheckGroups(state, endpoint.VpcId, AddGroupIds) is { } groupError) return groupError;
        var groups = endpoint.GroupIds.Except(RemoveGroupIds).Union(AddGroupIds).ToImmutableArray();
        if (groups.IsEmpty) return Ec2Errors.InvalidParameter("An interface endpoint needs at least one security group.");

        if (RemoveSubnetIds.FirstOrDefault(s => !endpoint.SubnetIds.Contains(s)) is { } notThere)
            return Ec2Errors.InvalidParameter($"The subnet ID '{notThere}' is not a subnet of {endpoint.Id}.");
        var keptSubnets = endpoint.SubnetIds.Except(RemoveSubnetIds).ToList();
        if (EndpointRules.CheckSubnets(state, endpoint.VpcId, keptSubnets.Concat(AddSubnetIds.Except(keptSubnets)), out subnets) is { } subnetError)
            return subnetError;
        if (subnets.Count == 0) return Ec2Errors.InvalidParameter("An interface endpoint needs at least one subnet.");

        var interfaces = new List<string>();
        var pending = new HashSet<uint>();
        foreach (var subnet in subnets)
        {
            var index = endpoint.SubnetIds.IndexOf(subnet.Id);
            if (index >= 0)
            {
                var existing = state.NetworkInterfaces[endpoint.NetworkInterfaceIds[index]];
                var changed = existing.GroupIds.SequenceEqual(groups) ? existing : existing with { GroupIds = groups };
                if (ipv6 && existing.Ipv6Addresses.IsEmpty && subnet.Ipv6CidrAssociation is not null)
                {
                    if (Ipv6AddressAllocator.Allocate(state, subnet, [], 1, new HashSet<UInt128>(), out var added) is { } ipv6Error) return ipv6Error;
                    changed = changed with { Ipv6Addresses = [.. added] };
                }
                if (!ipv6 && !existing.Ipv6Addresses.IsEmpty) changed = changed with { Ipv6Addresses = [] };
                if (!ReferenceEquals(changed, existing)) events.Add(new ResourcePut(changed));
                interfaces.Add(existing.Id);
                continue;
            }
            if (EndpointRules.NewInterface(state, context, endpoint.Id, subnet, groups, ipv6, pending, out var eni) is { } eniError) return eniError;
            events.Add(new ResourcePut(eni));
            interfaces.Add(eni.Id);
        }
        foreach (var removed in RemoveSubnetIds) events.Add(new ResourceRemoved(endpoint.NetworkInterfaceIds[endpoint.SubnetIds.IndexOf(removed)]));
        updated = endpoint with { SubnetIds = [.. subnets.Select(s => s.Id)], NetworkInterfaceIds = [.. interfaces], GroupIds = groups };
        return null;
    }
}
