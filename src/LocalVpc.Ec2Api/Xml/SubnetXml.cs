namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>Subnet</c> shape.</summary>
public static class SubnetXml
{
    public static void Subnet(XmlWriter w, Subnet subnet, AccountState state)
    {
        w.Element("subnetId", subnet.Id);
        w.Element("subnetArn", subnet.Arn(state.Scope.Region));
        w.Element("state", subnet.State);
        w.Element("vpcId", subnet.VpcId);
        w.Element("ownerId", subnet.OwnerId);
        w.Element("cidrBlock", subnet.CidrBlock);
        w.Element("availableIpAddressCount", state.AvailableIpAddressCount(subnet));
        w.Element("availabilityZone", subnet.AvailabilityZone);
        w.Element("availabilityZoneId", subnet.AvailabilityZoneId);
        w.Element("defaultForAz", subnet.DefaultForAz);
        w.Element("mapPublicIpOnLaunch", subnet.MapPublicIpOnLaunch);
        w.Element("mapCustomerOwnedIpOnLaunch", false);
        w.Element("assignIpv6AddressOnCreation", subnet.AssignIpv6AddressOnCreation);
        w.List("ipv6CidrBlockAssociationSet", subnet.Ipv6CidrAssociation is { } ipv6 ? [ipv6] : Array.Empty<SubnetIpv6CidrAssociation>(),
            (w, a) => Ipv6CidrBlockAssociation(w, a, "associated"));
        w.Element("enableDns64", subnet.EnableDns64);
        w.Element("ipv6Native", subnet.Ipv6Native);
        w.Structure("privateDnsNameOptionsOnLaunch", w =>
        {
            w.Element("hostnameType", subnet.HostnameTypeOnLaunch);
            w.Element("enableResourceNameDnsARecord", subnet.ResourceNameDnsARecordOnLaunch);
            w.Element("enableResourceNameDnsAAAARecord", subnet.ResourceNameDnsAaaaRecordOnLaunch);
        });
        w.Structure("blockPublicAccessStates", w => w.Element("internetGatewayBlockMode", "off"));
        TagXml.TagSet(w, state.TagsOf(subnet.Id));
    }

    public static void Ipv6CidrBlockAssociation(XmlWriter w, SubnetIpv6CidrAssociation association, string stateCode)
    {
        w.Element("associationId", association.AssociationId);
        w.Element("ipv6CidrBlock", association.Ipv6CidrBlock);
        w.Structure("ipv6CidrBlockState", w => w.Element("state", stateCode));
        w.Element("ipv6AddressAttribute", "public");
        w.Element("ipSource", "amazon");
    }
}
