namespace LocalVpc.Core.Commands.VpcEndpoints;

/// <summary>
/// ModifyVpcEndpoint: subnets (interfaces come and go with them), security groups (on every interface),
/// route tables (their routes come and go), private DNS with the same rules as at creation, and the policy.
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
    bool? PrivateDnsOnlyForInboundResolverEndpoint) : ICommand<bool>
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
            if (ModifyInterfaces(state, context, endpoint, events, out updated) is { } interfaceError) return interfaceError;
            updated = updated with { PolicyDocument = policy };
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

    private AwsError? ModifyInterfaces(AccountState state, CommandContext context, VpcEndpoint endpoint, List<Event> events, out VpcEndpoint updated)
    {
        updated = endpoint;
        // Groups first, so new interfaces get the new set.
        if (EndpointRules.CheckGroups(state, endpoint.VpcId, AddGroupIds) is { } groupError) return groupError;
        var groups = endpoint.GroupIds.Except(RemoveGroupIds).Union(AddGroupIds).ToImmutableArray();
        if (groups.IsEmpty) return Ec2Errors.InvalidParameter("An interface endpoint needs at least one security group.");

        if (RemoveSubnetIds.FirstOrDefault(s => !endpoint.SubnetIds.Contains(s)) is { } notThere)
            return Ec2Errors.InvalidParameter($"The subnet ID '{notThere}' is not a subnet of {endpoint.Id}.");
        var keptSubnets = endpoint.SubnetIds.Except(RemoveSubnetIds).ToList();
        if (EndpointRules.CheckSubnets(state, endpoint.VpcId, keptSubnets.Concat(AddSubnetIds.Except(keptSubnets)), out var subnets) is { } subnetError)
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
                if (!existing.GroupIds.SequenceEqual(groups)) events.Add(new ResourcePut(existing with { GroupIds = groups }));
                interfaces.Add(existing.Id);
                continue;
            }
            if (EndpointRules.NewInterface(state, context, endpoint.Id, subnet, groups, pending, out var eni) is { } eniError) return eniError;
            events.Add(new ResourcePut(eni));
            interfaces.Add(eni.Id);
        }
        foreach (var removed in RemoveSubnetIds) events.Add(new ResourceRemoved(endpoint.NetworkInterfaceIds[endpoint.SubnetIds.IndexOf(removed)]));
        updated = endpoint with { SubnetIds = [.. subnets.Select(s => s.Id)], NetworkInterfaceIds = [.. interfaces], GroupIds = groups };
        return null;
    }
}
