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
        w.Element("assignIpv6AddressOnCreation", false);
        w.List("ipv6CidrBlockAssociationSet", Array.Empty<object>(), (_, _) => { });
        w.Element("enableDns64", subnet.EnableDns64);
        w.Element("ipv6Native", false);
        w.Structure("privateDnsNameOptionsOnLaunch", w =>
        {
            w.Element("hostnameType", subnet.HostnameTypeOnLaunch);
            w.Element("enableResourceNameDnsARecord", subnet.ResourceNameDnsARecordOnLaunch);
            w.Element("enableResourceNameDnsAAAARecord", subnet.ResourceNameDnsAaaaRecordOnLaunch);
        });
        w.Structure("blockPublicAccessStates", w => w.Element("internetGatewayBlockMode", "off"));
        TagXml.TagSet(w, state.TagsOf(subnet.Id));
    }
}
