namespace LocalVpc.Core.Commands.VpcEndpoints;

/// <summary>
/// CreateVpcEndpoint for AWS services. Interface: one requester-managed interface per subnet (one subnet per
/// zone), the given groups or the VPC's default group, private DNS on unless turned off. Gateway: a route to
/// the service's prefix list in each given route table. The type defaults to Gateway, as in the API.
/// An endpoint to a provider's service (in any account of the region that lets this one see it) waits in
/// pendingAcceptance when the provider accepts requests by hand.
/// </summary>
public sealed record CreateVpcEndpoint(
    string VpcId,
    string? Type,
    string? ServiceName,
    ImmutableArray<string> SubnetIds,
    ImmutableArray<string> GroupIds,
    ImmutableArray<string> RouteTableIds,
    string? PolicyDocument,
    bool? PrivateDnsEnabled,
    string? IpAddressType,
    string? DnsRecordIpType,
    bool? PrivateDnsOnlyForInboundResolverEndpoint,
    string? ClientToken,
    ImmutableArray<TagSpecification> TagSpecifications) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        // 1. Idempotency: the same token and request give back the same endpoint.
        var fingerprint = Fingerprint();
        if (ClientToken is not null && state.VpcEndpointByClientToken(ClientToken) is { } earlier)
            return earlier.RequestFingerprint == fingerprint ? Decision.Of(earlier.Id) : Ec2Errors.IdempotentParameterMismatch(ClientToken);

        // 2. The VPC and the service, of the right type.
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } error) return error;
        var type = Type ?? "Gateway";
        if (type is not ("Interface" or "Gateway"))
            return Ec2Errors.InvalidParameter($"LocalVpc serves Interface and Gateway endpoints, not {type}.");
        if (ServiceName is null) return Ec2Errors.MissingParameter("ServiceName");
        var service = EndpointServiceDirectory.ForEndpoint(context.Region, state, ServiceName, type);
        if (service is null)
            return !EndpointServiceDirectory.IsProviderService(ServiceName) && ServiceCatalog.For(state.Region).Any(s => s.ServiceName == ServiceName)
                ? Ec2Errors.InvalidParameter($"The Vpc Endpoint Service '{ServiceName}' does not support the VPC endpoint type {type}.")
                : Ec2Errors.InvalidServiceName(ServiceName);

        // 3. Room under the quotas: interface endpoints per VPC, gateway endpoints per region.
        if (service.IsInterface
                ? state.InterfaceEndpointCountIn(vpc.Id) >= context.Quotas[ServiceQuotas.InterfaceEndpointsPerVpc]
                : state.VpcEndpoints.Values.Count(e => e.Type == "Gateway") >= context.Quotas[ServiceQuotas.GatewayEndpointsPerRegion])
            return Ec2Errors.VpcEndpointLimitExceeded();

        // 4. The parts of each type, each checked as AWS checks them.
        var ipAddressType = IpAddressType ?? EndpointIpTypes.Ipv4;
        var dnsRecordIpType = DnsRecordIpType ?? EndpointIpTypes.DefaultDnsRecordIpType(ipAddressType);
        var policy = PolicyDocument ?? EndpointRules.DefaultPolicy(type);
        if (PolicyDocument is not null && EndpointRules.CheckPolicy(PolicyDocument, service) is { } policyError) return policyError;
        var id = context.Ids.Next(IdPrefix.VpcEndpoint);
        var events = new List<Event>();
        VpcEndpoint endpoint;
        if (service.IsInterface)
        {
            if (!RouteTableIds.IsEmpty) return Ec2Errors.InvalidParameter("Route tables can be given for Gateway endpoints only.");
            // No subnets is allowed: ModifyVpcEndpoint (Terraform's aws_vpc_endpoint_subnet_association) adds them later.
            if (EndpointRules.CheckSubnets(state, vpc.Id, SubnetIds, out var subnets) is { } subnetError) return subnetError;
            if (EndpointIpTypes.Check(service, subnets, ipAddressType, dnsRecordIpType) is { } ipTypeError) return ipTypeError;
            ImmutableArray<string> groups = GroupIds.IsEmpty ? [state.DefaultSecurityGroupOf(vpc.Id).Id] : [.. GroupIds.Distinct()];
            if (EndpointRules.CheckGroups(state, vpc.Id, groups) is { } groupError) return groupError;
            var privateDns = PrivateDnsEnabled ?? (!service.PrivateDnsOnlyWithGateway && !service.UsablePrivateDnsNames.IsEmpty);
            if (privateDns && EndpointRules.CheckPrivateDns(state, vpc, service, null) is { } dnsError) return dnsError;

            var pending = new HashSet<uint>();
            var interfaces = new List<string>();
            foreach (var subnet in subnets)
            {
                if (EndpointRules.NewInterface(state, context, id, subnet, groups, EndpointIpTypes.HasIpv6(ipAddressType), pending, out var eni) is { } eniError)
                    return eniError;
                events.Add(new ResourcePut(eni));
                interfaces.Add(eni.Id);
            }
            endpoint = NewEndpoint(state, context, id, service, [.. subnets.Select(s => s.Id)], [.. interfaces], groups, [], policy, privateDns,
                privateDns && service.PrivateDnsOnlyWithGateway ? PrivateDnsOnlyForInboundResolverEndpoint ?? true : null, fingerprint)
                with { IpAddressType = ipAddressType, DnsRecordIpType = dnsRecordIpType };
        }
        else
        {
            if (!SubnetIds.IsEmpty || !GroupIds.IsEmpty)
                return Ec2Errors.InvalidParameter("Subnets and security groups can be given for Interface endpoints only.");
            if (PrivateDnsEnabled == true) return Ec2Errors.InvalidParameter("Private DNS can be enabled for Interface endpoints only.");
            if (EndpointIpTypes.Check(service, [], ipAddressType, dnsRecordIpType) is { } ipTypeError) return ipTypeError;
            if (EndpointRules.CheckRouteTables(state, vpc.Id, RouteTableIds, out var tables) is { } tableError) return tableError;
            foreach (var table in tables)
            {
                if (table.Routes.Any(r => r.DestinationPrefixListId == service.PrefixList!.Id))
                    return Ec2Errors.RouteAlreadyExists(service.PrefixList!.Id);
                events.Add(new ResourcePut(table with { Routes = table.Routes.Add(EndpointRules.GatewayRoute(service.PrefixList!, id)) }));
            }
            endpoint = NewEndpoint(state, context, id, service, [], [], [], [.. tables.Select(t => t.Id)], policy, false, null, fingerprint);
        }

        if (TagRules.ForNewResource(TagSpecifications, "vpc-endpoint", id, out var tags) is { } tagError) return tagError;
        events.Insert(0, new ResourcePut(endpoint));
        if (tags is not null) events.Add(tags);
        return Decision.Of(id, events);
    }

    private VpcEndpoint NewEndpoint(AccountState state, CommandContext context, string id, EndpointService service,
        ImmutableArray<string> subnets, ImmutableArray<string> interfaces, ImmutableArray<string> groups, ImmutableArray<string> tables,
        string policy, bool privateDns, bool? privateDnsOnlyInbound, string fingerprint) =>
        new(id, VpcId, state.Scope.Account, service.ServiceName, service.BaseEndpointDnsNames, privateDns ? service.UsablePrivateDnsNames : [],
            service.Type, service.AcceptanceRequired ? VpcEndpointState.PendingAcceptance : VpcEndpointState.Available, subnets, interfaces, groups, tables, policy,
            privateDns, EndpointIpTypes.Ipv4, EndpointIpTypes.Ipv4, privateDnsOnlyInbound,
            context.Ids.NextToken(8), context.Time.GetUtcNow(), context.Time.GetUtcNow(), ClientToken, fingerprint,
            context.Time.GetUtcNow() + context.EndpointTransition);

    /// <summary>What the request asked for, to tell a retry from a different request with the same token.</summary>
    private string Fingerprint() => string.Join('|', VpcId, Type, ServiceName, string.Join(',', SubnetIds), string.Join(',', GroupIds),
        string.Join(',', RouteTableIds), PolicyDocument, PrivateDnsEnabled, IpAddressType, DnsRecordIpType, PrivateDnsOnlyForInboundResolverEndpoint);
}
