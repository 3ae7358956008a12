using LocalVpc.Core.Commands.RouteTables;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>Route tables, their routes and their associations.</summary>
public static class RouteTables
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRouteTables.html.</summary>
    public static readonly FilterTable<RouteTable> Filters = new(new()
    {
        ["association.gateway-id"] = (_, _) => [],
        ["association.route-table-association-id"] = (t, _) => t.Associations.Select(a => a.Id),
        ["association.route-table-id"] = (t, _) => t.Associations.Select(_ => t.Id),
        ["association.subnet-id"] = (t, _) => t.Associations.Select(a => a.SubnetId),
        ["association.main"] = (t, _) => t.Associations.Select(a => Binding.Text(a.Main)),
        ["owner-id"] = (t, _) => [t.OwnerId],
        ["route-table-id"] = (t, _) => [t.Id],
        ["route.destination-cidr-block"] = (t, _) => t.Routes.Select(r => r.DestinationCidrBlock),
        ["route.destination-ipv6-cidr-block"] = (t, _) => t.Routes.Select(r => r.DestinationIpv6CidrBlock),
        ["route.destination-prefix-list-id"] = (t, _) => t.Routes.Select(r => r.DestinationPrefixListId),
        ["route.gateway-id"] = (t, _) => t.Routes.Select(r => r.Target.GatewayId),
        ["route.egress-only-internet-gateway-id"] = (t, _) => t.Routes.Select(r => r.Target.EgressOnlyInternetGatewayId),
        ["route.instance-id"] = (t, _) => t.Routes.Select(r => r.Target.InstanceId),
        ["route.nat-gateway-id"] = (t, _) => t.Routes.Select(r => r.Target.NatGatewayId),
        ["route.vpc-peering-connection-id"] = (t, _) => t.Routes.Select(r => r.Target.VpcPeeringConnectionId),
        ["route.origin"] = (t, _) => t.Routes.Select(r => r.Origin),
        ["route.state"] = (t, state) => t.Routes.Select(r => state.RouteState(t, r)),
        ["vpc-id"] = (t, _) => [t.VpcId],
    }, t => t.Id, idFilter: "route-table-id");

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, state.RouteTables.Values, t => t.Id, "RouteTableIds", (string id, out RouteTable t) => ResourceKinds.RouteTable.Find(state, id, out t), Filters,
                out var page, out var next) is { } error) return error;
        return ApiReply.Ok(w =>
        {
            w.List("routeTableSet", page, (w, t) => RouteTableXml.RouteTable(w, t, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new CreateRouteTable(call.Input.String("VpcId")!, Binding.TagSpecifications(call.Input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("routeTable", w => RouteTableXml.RouteTable(w, state.RouteTables[outcome.Value!], state)));
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteRouteTable(call.Input.String("RouteTableId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static Task<ApiReply> CreateRoute(ApiCall call) => PutRoute(call, replace: false);

    public static Task<ApiReply> ReplaceRoute(ApiCall call) => PutRoute(call, replace: true);

    public static async Task<ApiReply> DeleteRoute(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new DeleteRoute(input.String("RouteTableId")!, input.String("DestinationCidrBlock"),
            input.String("DestinationIpv6CidrBlock"), input.String("DestinationPrefixListId")));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> Associate(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new AssociateRouteTable(input.String("RouteTableId")!, input.String("SubnetId"), input.String("GatewayId")));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w =>
        {
            w.Element("associationId", outcome.Value);
            w.Structure("associationState", w => w.Element("state", "associated"));
        });
    }

    public static async Task<ApiReply> Disassociate(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DisassociateRouteTable(call.Input.String("AssociationId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> ReplaceAssociation(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new ReplaceRouteTableAssociation(call.Input.String("AssociationId")!, call.Input.String("RouteTableId")!));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w =>
        {
            w.Element("newAssociationId", outcome.Value);
            w.Structure("associationState", w => w.Element("state", "associated"));
        });
    }

    private static async Task<ApiReply> PutRoute(ApiCall call, bool replace)
    {
        var input = call.Input;
        if (input.Bool("LocalTarget") == true)
            return Ec2Errors.InvalidParameterValue("LocalVpc keeps local routes as the VPC made them; LocalTarget is not served.");
        var target = new RouteTargetSpec(input.String("GatewayId"), input.String("NatGatewayId"), input.String("NetworkInterfaceId"),
            input.String("InstanceId"), input.String("VpcPeeringConnectionId"), input.String("VpcEndpointId"), input.String("EgressOnlyInternetGatewayId"));
        var outcome = await call.ExecuteAsync(new PutRoute(input.String("RouteTableId")!, input.String("DestinationCidrBlock"),
            input.String("DestinationIpv6CidrBlock"), input.String("DestinationPrefixListId"), target, replace));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }
}
