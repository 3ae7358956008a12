namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>VpnGateway</c> shape.</summary>
public static class VpnGatewayXml
{
    public static void VpnGateway(XmlWriter w, VpnGateway gateway, AccountState state)
    {
        w.Element("vpnGatewayId", gateway.Id);
        w.Element("state", gateway.State);
        w.Element("type", gateway.Type);
        w.Element("availabilityZone", gateway.AvailabilityZone);
        w.List("attachments", Attachments(gateway), (w, a) => Attachment(w, a.VpcId, a.State));
        w.Element("amazonSideAsn", gateway.AmazonSideAsn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        TagXml.TagSet(w, state.TagsOf(gateway.Id));
    }

    public static void Attachment(XmlWriter w, string vpcId, string state)
    {
        w.Element("vpcId", vpcId);
        w.Element("state", state);
    }

    /// <summary>The attached VPC, else the one last detached from (shown as detached).</summary>
    public static IEnumerable<(string VpcId, string State)> Attachments(VpnGateway gateway) =>
        gateway.VpcId is { } vpc ? [(vpc, "attached")] : gateway.DetachedVpcId is { } old ? [(old, "detached")] : [];
}
