using LocalVpc.Core.Commands.VpcEndpoints;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>VPC endpoints, consumer side, and the services they reach.</summary>
public static class VpcEndpoints
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpoints.html.</summary>
    /// <remarks>Endpoints are filtered with the state a reader sees now (<see cref="VpcEndpoint.StateAt"/>).</remarks>
    public static readonly FilterTable<(VpcEndpoint Endpoint, VpcEndpointState State)> Filters = new(new()
    {
        ["ip-address-type"] = (e, _) => [e.Endpoint.IpAddressType],
        ["service-name"] = (e, _) => [e.Endpoint.ServiceName],
        ["service-region"] = (_, state) => [state.Scope.Region],
        ["vpc-id"] = (e, _) => [e.Endpoint.VpcId],
        ["vpc-endpoint-id"] = (e, _) => [e.Endpoint.Id],
        ["vpc-endpoint-state"] = (e, _) => [e.State.ToWire()],
        ["vpc-endpoint-type"] = (e, _) => [e.Endpoint.Type],
    }, e => e.Endpoint.Id, idFilter: "vpc-endpoint-id");

    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServices.html.</summary>
    public static readonly FilterTable<EndpointService> ServiceFilters = new(new()
    {
        ["owner"] = (s, _) => [s.Owner],
        ["service-name"] = (s, _) => [s.ServiceName],
        ["service-region"] = (_, state) => [state.Scope.Region],
        ["service-type"] = (s, _) => [s.Type],
        ["supported-ip-address-types"] = (s, _) => s.SupportedIpAddressTypes,
    }, tagsId: null);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("SubnetConfigurations") || input.Has("ResourceConfigurationArn") || input.Has("ServiceNetworkArn"))
            return Ec2Errors.InvalidParameter("LocalVpc creates endpoints from SubnetId, SecurityGroupId and RouteTableId; SubnetConfiguration, resource and service-network endpoints are not served.");
        if (input.String("ServiceRegion") is { } serviceRegion && serviceRegion != call.Scope.Region)
            return Ec2Errors.InvalidParameter($"Cross-region endpoints are not served: the service region must be {call.Scope.Region}.");
        var dns = input.Struct("DnsOptions");
        var outcome = await call.ExecuteAsync(new CreateVpcEndpoint(input.String("VpcId")!, input.String("VpcEndpointType"),
            input.String("ServiceName"), input.Strings("SubnetIds"), input.Strings("SecurityGroupIds"), input.Strings("RouteTableIds"),
            input.String("PolicyDocument"), input.Bool("PrivateDnsEnabled"), input.String("IpAddressType"), dns?.String("DnsRecordIpType"),
            dns?.Bool("PrivateDnsOnlyForInboundResolverEndpoint"), input.String("ClientToken"), Binding.TagSpecifications(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        var endpoint = state.VpcEndpoints[outcome.Value!];
        return ApiReply.Ok(w =>
        {
            w.Structure("vpcEndpoint", w => VpcEndpointXml.VpcEndpoint(w, endpoint, state, endpoint.StateWhenChanged));
            w.Element("clientToken", endpoint.ClientToken);
        });
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Paging.CheckMaxResults(call.Input.Int("MaxResults"), 5, 1000) is { } invalid) return invalid;
        var now = call.Now;
        (VpcEndpoint Endpoint, VpcEndpointState State) Seen(VpcEndpoint e) => (e, e.StateAt(now));
        if (Query.Run(call, state, state.VpcEndpoints.Values.Select(Seen), e => e.Endpoint.Id, "VpcEndpointIds",
                (string id, out (VpcEndpoint Endpoint, VpcEndpointState State) e) =>
                {
                    var error = ResourceKinds.VpcEndpoint.Find(state, id, out var endpoint);
                    e = error is null ? Seen(endpoint) : default;
                    return error;
                }, Filters, out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("vpcEndpointSet", page, (w, e) => VpcEndpointXml.VpcEndpoint(w, e.Endpoint, state, e.State));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Modify(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("SubnetConfigurations"))
            return Ec2Errors.InvalidParameter("LocalVpc changes endpoint subnets with AddSubnetId and RemoveSubnetId; SubnetConfiguration is not served.");
        var dns = input.Struct("DnsOptions");
        var outcome = await call.ExecuteAsync(new ModifyVpcEndpoint(input.String("VpcEndpointId")!,
            input.Strings("AddSubnetIds"), input.Strings("RemoveSubnetIds"), input.Strings("AddSecurityGroupIds"),
            input.Strings("RemoveSecurityGroupIds"), input.Strings("AddRouteTableIds"), input.Strings("RemoveRouteTableIds"),
            input.String("PolicyDocument"), input.Bool("ResetPolicy") ?? false, input.Bool("PrivateDnsEnabled"),
            dns?.Bool("PrivateDnsOnlyForInboundResolverEndpoint"), input.String("IpAddressType"), dns?.String("DnsRecordIpType")));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteVpcEndpoints(call.Input.Strings("VpcEndpointIds")));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w => WriteUnsuccessful(w, outcome.Value));
    }

    /// <summary>The <c>unsuccessful</c> list of batch calls: each id with its error.</summary>
    public static void WriteUnsuccessful(XmlWriter w, IEnumerable<UnsuccessfulItem> items) =>
        w.List("unsuccessful", items, (w, item) =>
        {
            w.Structure("error", w =>
            {
                w.Element("code", item.Error.Code);
                w.Element("message", item.Error.Message);
            });
            w.Element("resourceId", item.ResourceId);
        });

    public static async Task<ApiReply> DescribeServices(ApiCall call)
    {
        var region = await call.ReadRegionAsync();
        var state = region.Account(call.Scope.Account);
        if (Paging.CheckMaxResults(call.Input.Int("MaxResults"), 5, 1000) is { } invalid) return invalid;
        if (call.Input.Strings("ServiceRegions").FirstOrDefault(r => r != call.Scope.Region) is { } otherRegion)
            return Ec2Errors.InvalidParameter($"Cross-region endpoints are not served: {otherRegion}.");
        // AWS's services, then the providers' services this account may see.
        IEnumerable<EndpointService> services = ServiceCatalog.For(state.Region).Concat(
            EndpointServiceDirectory.VisibleTo(region, call.Scope.Account)
                .Select(v => EndpointServiceDirectory.Describe(v.Configuration, v.Provider))
                .OrderBy(s => s.ServiceName, StringComparer.Ordinal));
        var names = call.Input.Strings("ServiceNames");
        if (names.FirstOrDefault(n => services.All(s => s.ServiceName != n)) is { } unknown) return Ec2Errors.InvalidServiceName(unknown);
        if (!names.IsEmpty) services = services.Where(s => names.Contains(s.ServiceName));
        if (ServiceFilters.Apply(services, call.Input.Structs("Filters"), state, out var matching) is { } error) return error;
        if (Paging.Page(matching, s => $"{s.ServiceName}\n{s.Type}", call.Input.Int("MaxResults"), call.Input.String("NextToken"),
                out var page, out var next) is { } pageError) return pageError;
        return ApiReply.Ok(w =>
        {
            w.StringList("serviceNameSet", page.Select(s => s.ServiceName).Distinct());
            w.List("serviceDetailSet", page, (w, s) => EndpointServiceXml.ServiceDetail(w, s, state));
            w.Element("nextToken", next);
        });
    }
}
