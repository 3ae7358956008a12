namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>Address</c> shape (Elastic IPs).</summary>
public static class AddressXml
{
    public static void Address(XmlWriter w, Address address, AccountState state)
    {
        var eni = address.NetworkInterfaceId is { } id ? state.NetworkInterfaces.GetValueOrDefault(id) : null;
        w.Element("allocationId", address.Id);
        w.Element("associationId", address.AssociationId);
        w.Element("domain", "vpc");
        w.Element("instanceId", eni?.Attachment?.InstanceId);
        w.Element("networkInterfaceId", address.NetworkInterfaceId);
        w.Element("networkInterfaceOwnerId", eni?.OwnerId);
        w.Element("privateIpAddress", address.PrivateIpAddress);
        w.Element("publicIp", address.PublicIp);
        w.Element("publicIpv4Pool", "amazon");
        w.Element("networkBorderGroup", state.Scope.Region);
        TagXml.TagSet(w, state.TagsOf(address.Id));
    }
}
