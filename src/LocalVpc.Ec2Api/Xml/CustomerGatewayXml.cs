namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>CustomerGateway</c> shape.</summary>
public static class CustomerGatewayXml
{
    public static void CustomerGateway(XmlWriter w, CustomerGateway gateway, AccountState state)
    {
        w.Element("customerGatewayId", gateway.Id);
        w.Element("state", gateway.State);
        w.Element("type", gateway.Type);
        w.Element("ipAddress", gateway.IpAddress);
        // Each ASN is in the element it was given in (BgpAsn up to 2,147,483,647, BgpAsnExtended beyond): Terraform's
        // aws_customer_gateway reads both back, so an element it never set would show as a change.
        w.Element(gateway.HasExtendedAsn ? "bgpAsnExtended" : "bgpAsn", gateway.BgpAsn);
        w.Element("certificateArn", gateway.CertificateArn);
        w.Element("deviceName", gateway.DeviceName);
        TagXml.TagSet(w, state.TagsOf(gateway.Id));
    }
}
