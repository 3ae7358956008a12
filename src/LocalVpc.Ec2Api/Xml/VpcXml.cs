namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>Vpc</c> shape and its parts.</summary>
public static class VpcXml
{
    public static void Vpc(XmlWriter w, Vpc vpc, AccountState state)
    {
        w.Element("vpcId", vpc.Id);
        w.Element("ownerId", vpc.OwnerId);
        w.Element("state", vpc.State);
        w.Element("cidrBlock", vpc.CidrBlock);
        w.List("cidrBlockAssociationSet", vpc.CidrAssociations, CidrBlockAssociation);
        w.List("ipv6CidrBlockAssociationSet", vpc.Ipv6CidrAssociations, (w, a) => Ipv6CidrBlockAssociation(w, a, "associated"));
        w.Element("dhcpOptionsId", vpc.DhcpOptionsId);
        w.Element("instanceTenancy", vpc.InstanceTenancy);
        w.Element("isDefault", vpc.IsDefault);
        w.Structure("blockPublicAccessStates", w => w.Element("internetGatewayBlockMode", "off"));
        TagXml.TagSet(w, state.TagsOf(vpc.Id));
    }

    public static void CidrBlockAssociation(XmlWriter w, VpcCidrAssociation association) =>
        CidrBlockAssociation(w, association, "associated");

    public static void CidrBlockAssociation(XmlWriter w, VpcCidrAssociation association, string stateCode)
    {
        w.Element("associationId", association.AssociationId);
        w.Element("cidrBlock", association.CidrBlock);
        w.Structure("cidrBlockState", w => w.Element("state", stateCode));
    }

    public static void Ipv6CidrBlockAssociation(XmlWriter w, VpcIpv6CidrAssociation association, string stateCode)
    {
        w.Element("associationId", association.AssociationId);
        w.Element("ipv6CidrBlock", association.Ipv6CidrBlock);
        w.Structure("ipv6CidrBlockState", w => w.Element("state", stateCode));
        w.Element("networkBorderGroup", association.NetworkBorderGroup);
        w.Element("ipv6Pool", association.Ipv6Pool);
        w.Element("ipv6AddressAttribute", "public");
        w.Element("ipSource", "amazon");
    }
}
