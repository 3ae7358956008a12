namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>InternetGateway</c> shape.</summary>
public static class InternetGatewayXml
{
    public static void InternetGateway(XmlWriter w, InternetGateway gateway, AccountState state)
    {
        w.Element("internetGatewayId", gateway.Id);
        w.Element("ownerId", gateway.OwnerId);
        // An attached gateway's attachment state reads "available", not "attached", as on EC2.
        w.List("attachmentSet", gateway.VpcId is null ? [] : new[] { gateway.VpcId }, (w, vpcId) =>
        {
            w.Element("vpcId", vpcId);
            w.Element("state", "available");
        });
        TagXml.TagSet(w, state.TagsOf(gateway.Id));
    }
}
