namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>NetworkInterface</c> shape, and the <c>InstanceNetworkInterface</c> shape instances embed.</summary>
public static class NetworkInterfaceXml
{
    public static void NetworkInterface(XmlWriter w, NetworkInterface eni, AccountState state)
    {
        var region = state.Scope.Region;
        w.Element("networkInterfaceId", eni.Id);
        w.Element("subnetId", eni.SubnetId);
        w.Element("vpcId", eni.VpcId);
        w.Element("availabilityZone", eni.AvailabilityZone);
        w.Element("availabilityZoneId", eni.AvailabilityZoneId);
        w.Element("description", eni.Description);
        w.Element("ownerId", eni.OwnerId);
        if (eni.RequesterManaged) w.Element("requesterId", Core.Resources.NetworkInterface.AwsRequesterId);
        w.Element("requesterManaged", eni.RequesterManaged);
        w.Element("status", eni.Status);
        w.Element("macAddress", eni.MacAddress);
        w.Element("privateIpAddress", eni.PrivateIpAddress);
        w.Element("privateDnsName", DnsNames.Private(eni, region));
        w.Element("sourceDestCheck", eni.SourceDestCheck);
        Groups(w, eni.GroupIds, state);
        Attachment(w, eni, withInstance: true);
        TagXml.TagSet(w, state.TagsOf(eni.Id));
        Addresses(w, eni, state, withElasticIpIds: true);
        w.Element("ipv6Address", eni.Ipv6Address);
        w.Element("ipv6Native", false);
    }

    /// <summary>An interface as it appears inside an instance (<c>InstanceNetworkInterface</c>).</summary>
    public static void InstanceNetworkInterface(XmlWriter w, NetworkInterface eni, AccountState state)
    {
        var region = state.Scope.Region;
        w.Element("networkInterfaceId", eni.Id);
        w.Element("subnetId", eni.SubnetId);
        w.Element("vpcId", eni.VpcId);
        w.Element("description", eni.Description);
        w.Element("ownerId", eni.OwnerId);
        w.Element("status", eni.Status);
        w.Element("macAddress", eni.MacAddress);
        w.Element("privateIpAddress", eni.PrivateIpAddress);
        w.Element("privateDnsName", DnsNames.Private(eni, region));
        w.Element("sourceDestCheck", eni.SourceDestCheck);
        Groups(w, eni.GroupIds, state);
        Attachment(w, eni, withInstance: false);
        Addresses(w, eni, state, withElasticIpIds: false);
    }

    /// <summary>The attachment; the instance ids are part of <c>NetworkInterfaceAttachment</c> only.</summary>
    private static void Attachment(XmlWriter w, NetworkInterface eni, bool withInstance)
    {
        if (eni.ShownAttachment is not { } attachment) return;
        w.Structure("attachment", w =>
        {
            w.Element("attachmentId", attachment.Id);
            if (withInstance)
            {
                w.Element("instanceId", attachment.InstanceId);
                w.Element("instanceOwnerId", eni.OwnerId);
            }
            w.Element("deviceIndex", attachment.DeviceIndex);
            w.Element("networkCardIndex", 0);
            w.Element("status", eni.AttachmentStatus);
            w.Element("attachTime", attachment.AttachTime);
            w.Element("deleteOnTermination", attachment.DeleteOnTermination);
        });
    }

    /// <summary>The public association and the private addresses, the same in both shapes.</summary>
    private static void Addresses(XmlWriter w, NetworkInterface eni, AccountState state, bool withElasticIpIds)
    {
        var region = state.Scope.Region;
        Association(w, state, eni, eni.PrivateIpAddress, withElasticIpIds);
        w.List("privateIpAddressesSet", eni.PrivateIpAddresses, (w, ip) =>
        {
            w.Element("privateIpAddress", ip);
            w.Element("privateDnsName", DnsNames.Private(ip, region));
            w.Element("primary", ip == eni.PrivateIpAddress);
            Association(w, state, eni, ip, withElasticIpIds);
        });
        w.List("ipv6AddressesSet", eni.Ipv6Addresses, (w, ip) =>
        {
            w.Element("ipv6Address", ip);
            w.Element("isPrimaryIpv6", eni.IsPrimaryIpv6(ip));
        });
        w.Element("interfaceType", eni.InterfaceType);
    }

    /// <summary><c>groupSet</c>: each group's id and name.</summary>
    public static void Groups(XmlWriter w, IEnumerable<string> groupIds, AccountState state) =>
        w.List("groupSet", groupIds, (w, id) =>
        {
            w.Element("groupId", id);
            w.Element("groupName", state.SecurityGroups.GetValueOrDefault(id)?.Name);
        });

    /// <summary>
    /// The public address a private address answers to, if any: an Elastic IP (owned by the account; its
    /// ids are part of <c>NetworkInterfaceAssociation</c> only) or a launch address (owned by amazon).
    /// </summary>
    private static void Association(XmlWriter w, AccountState state, NetworkInterface eni, string? privateIp, bool withElasticIpIds)
    {
        if (state.PublicIpOf(eni, privateIp) is not { } association) return;
        w.Structure("association", w =>
        {
            if (withElasticIpIds && association.ElasticIp is { } elastic)
            {
                w.Element("allocationId", elastic.Id);
                w.Element("associationId", elastic.AssociationId);
            }
            w.Element("publicIp", association.PublicIp);
            w.Element("publicDnsName", DnsNames.Public(association.PublicIp, state.Scope.Region));
            w.Element("ipOwnerId", association.ElasticIp is null ? "amazon" : association.ElasticIp.OwnerId);
        });
    }
}
