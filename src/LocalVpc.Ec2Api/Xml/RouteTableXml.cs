namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>RouteTable</c> shape.</summary>
public static class RouteTableXml
{
    public static void RouteTable(XmlWriter w, RouteTable table, RegionState state)
    {
        w.Element("routeTableId", table.Id);
        w.Element("vpcId", table.VpcId);
        w.Element("ownerId", table.OwnerId);
        w.List("routeSet", table.Routes, (w, r) =>
        {
            w.Element("destinationCidrBlock", r.DestinationCidrBlock);
            w.Element("gatewayId", r.GatewayId);
            w.Element("state", r.State);
            w.Element("origin", r.Origin);
        });
        w.List("associationSet", table.Associations, (w, a) =>
        {
            w.Element("routeTableAssociationId", a.Id);
            w.Element("routeTableId", table.Id);
            w.Element("subnetId", a.SubnetId);
            w.Element("main", a.Main);
            w.Structure("associationState", w => w.Element("state", "associated"));
        });
        w.List("propagatingVgwSet", Array.Empty<object>(), (_, _) => { });
        TagXml.TagSet(w, state.TagsOf(table.Id));
    }
}
