namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>NatGateway</c> shape.</summary>
public static class NatGatewayXml
{
    /// <param name="shownState">The state to show instead of the stored one: CreateNatGateway shows <c>pending</c>.</param>
    public static void NatGateway(XmlWriter w, NatGateway gateway, AccountState state, string? shownState = null)
    {
        var address = gateway.AllocationId is { } id ? state.Addresses.GetValueOrDefault(id) : null;
        w.Element("createTime", gateway.CreateTime);
        if (gateway.DeleteTime is { } deleted) w.Element("deleteTime", deleted);
        if (shownState is null)
        {
            w.Element("failureCode", gateway.FailureCode);
            w.Element("failureMessage", gateway.FailureMessage);
        }
        w.List("natGatewayAddressSet", gateway.NetworkInterfaceId is null ? [] : new[] { gateway }, (w, g) =>
        {
            w.Element("allocationId", g.AllocationId);
            w.Element("networkInterfaceId", g.NetworkInterfaceId);
            w.Element("privateIp", g.PrivateIp);
            w.Element("publicIp", address?.PublicIp);
            w.Element("associationId", address?.NetworkInterfaceId == g.NetworkInterfaceId ? address?.AssociationId : null);
            w.Element("isPrimary", true);
            w.Element("status", "succeeded");
        });
        w.Element("natGatewayId", gateway.Id);
        w.Element("state", shownState ?? gateway.State);
        w.Element("subnetId", gateway.SubnetId);
        w.Element("vpcId", gateway.VpcId);
        TagXml.TagSet(w, state.TagsOf(gateway.Id));
        w.Element("connectivityType", gateway.ConnectivityType);
    }
}
