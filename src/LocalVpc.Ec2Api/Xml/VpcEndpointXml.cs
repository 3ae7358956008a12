namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>VpcEndpoint</c> shape.</summary>
public static class VpcEndpointXml
{
    private static readonly XmlFragmentCache<VpcEndpoint> Cache = new();

    /// <summary>
    /// An endpoint in the state a reader sees. Once it has settled it comes from the fragment cache, since
    /// listings of many endpoints are common.
    /// </summary>
    public static void VpcEndpoint(XmlWriter w, VpcEndpoint endpoint, AccountState state, VpcEndpointState shownState)
    {
        if (shownState == endpoint.State) Cache.Write(w, endpoint, state.TagsOf(endpoint.Id), w => Write(w, endpoint, state, shownState));
        else Write(w, endpoint, state, shownState);
    }

    private static void Write(XmlWriter w, VpcEndpoint endpoint, AccountState state, VpcEndpointState shownState)
    {
        w.Element("vpcEndpointId", endpoint.Id);
        w.Element("vpcEndpointType", endpoint.Type);
        w.Element("vpcId", endpoint.VpcId);
        w.Element("serviceName", endpoint.ServiceName);
        w.Element("state", shownState.ToWire());
        w.Element("policyDocument", endpoint.PolicyDocument);
        w.StringList("routeTableIdSet", endpoint.RouteTableIds);
        w.StringList("subnetIdSet", endpoint.SubnetIds);
        w.List("groupSet", endpoint.GroupIds, (w, id) =>
        {
            w.Element("groupId", id);
            w.Element("groupName", state.SecurityGroups.GetValueOrDefault(id)?.Name);
        });
        w.Element("ipAddressType", endpoint.IpAddressType);
        if (endpoint.IsInterface)
            w.Structure("dnsOptions", w =>
            {
                w.Element("dnsRecordIpType", endpoint.DnsRecordIpType);
                if (endpoint.PrivateDnsOnlyForInboundResolverEndpoint is { } inboundOnly)
                    w.Element("privateDnsOnlyForInboundResolverEndpoint", inboundOnly);
            });
        w.Element("privateDnsEnabled", endpoint.PrivateDnsEnabled);
        w.Element("requesterManaged", false);
        w.StringList("networkInterfaceIdSet", endpoint.NetworkInterfaceIds);
        DnsEntrySet(w, endpoint, state);
        w.Element("creationTimestamp", endpoint.CreationTimestamp);
        TagXml.TagSet(w, state.TagsOf(endpoint.Id));
        w.Element("ownerId", endpoint.OwnerId);
        w.Element("serviceRegion", state.Scope.Region);
    }

    /// <summary>The endpoint's DNS names (<c>dnsEntrySet</c>), as both the consumer's and the provider's shapes carry them.</summary>
    public static void DnsEntrySet(XmlWriter w, VpcEndpoint endpoint, AccountState consumer) =>
        w.List("dnsEntrySet", EndpointDns.Entries(consumer, endpoint), (w, entry) =>
        {
            w.Element("dnsName", entry.DnsName);
            w.Element("hostedZoneId", entry.HostedZoneId);
        });
}
