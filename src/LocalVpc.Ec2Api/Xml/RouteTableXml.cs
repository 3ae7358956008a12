namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>RouteTable</c> shape and its routes.</summary>
public static class RouteTableXml
{
    public static void RouteTable(XmlWriter w, RouteTable table, AccountState state)
    {
        w.Element("routeTableId", table.Id);
        w.Element("vpcId", table.VpcId);
        w.Element("ownerId", table.OwnerId);
        w.List("routeSet", table.Routes, (w, r) => Route(w, r, table, state));
        w.List("associationSet", table.Associations, (w, a) =>
        {
            w.Element("routeTableAssociationId", a.Id);
            w.Element("routeTableId", table.Id);
            w.Element("subnetId", a.SubnetId);
            w.Element("main", a.Main);
            w.Structure("associationState", w => w.Element("state", "associated"));
        });
        w.List("propagatingVgwSet", table.PropagatingGateways, (w, g) => w.Element("gatewayId", g));
        TagXml.TagSet(w, state.TagsOf(table.Id));
    }

    private static void Route(XmlWriter w, Route route, RouteTable table, AccountState state)
    {
        w.Element("destinationCidrBlock", route.DestinationCidrBlock);
        w.Element("destinationIpv6CidrBlock", route.DestinationIpv6CidrBlock);
        w.Element("destinationPrefixListId", route.DestinationPrefixListId);
        w.Element("gatewayId", route.Target.GatewayId);
        w.Element("egressOnlyInternetGatewayId", route.Target.EgressOnlyInternetGatewayId);
        w.Element("instanceId", route.Target.InstanceId);
        if (route.Target.InstanceId is not null) w.Element("instanceOwnerId", table.OwnerId);
        w.Element("natGatewayId", route.Target.NatGatewayId);
        w.Element("networkInterfaceId", route.Target.NetworkInterfaceId);
        w.Element("vpcPeeringConnectionId", route.Target.VpcPeeringConnectionId);
        w.Element("state", state.RouteState(table, route));
        w.Element("origin", route.Origin);
    }
}
