namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the provider's shapes: <c>ServiceConfiguration</c>, <c>AllowedPrincipal</c>, <c>VpcEndpointConnection</c>.</summary>
public static class EndpointServiceConfigurationXml
{
    public static void ServiceConfiguration(XmlWriter w, EndpointServiceConfiguration configuration, AccountState state)
    {
        var service = EndpointServiceDirectory.Describe(configuration, state);
        w.List("serviceType", ["Interface"], (w, type) => w.Element("serviceType", type));
        w.Element("serviceId", configuration.Id);
        w.Element("serviceName", configuration.ServiceName);
        w.Element("serviceState", configuration.State);
        w.StringList("availabilityZoneIdSet", service.AvailabilityZones.Select(z => z.ZoneId));
        w.StringList("availabilityZoneSet", service.AvailabilityZones.Select(z => z.Name));
        w.Element("acceptanceRequired", configuration.AcceptanceRequired);
        w.Element("managesVpcEndpoints", false);
        w.StringList("networkLoadBalancerArnSet", configuration.NetworkLoadBalancerArns);
        w.StringList("supportedIpAddressTypeSet", configuration.SupportedIpAddressTypes);
        w.StringList("baseEndpointDnsNameSet", [configuration.BaseEndpointDnsName]);
        w.Element("privateDnsName", configuration.PrivateDnsName);
        if (configuration.PrivateDnsName is { } name)
            w.Structure("privateDnsNameConfiguration", w =>
            {
                // The TXT record that proves the domain: name _{token}.{domain}, value vpce:{token} (PrivateLink guide, DNS names).
                w.Element("state", configuration.PrivateDnsState);
                w.Element("type", "TXT");
                w.Element("value", $"vpce:{configuration.VerificationToken}");
                w.Element("name", $"_{configuration.VerificationToken}");
            });
        w.Element("payerResponsibility", "ServiceOwner");
        TagXml.TagSet(w, state.TagsOf(configuration.Id));
    }

    public static void AllowedPrincipal(XmlWriter w, ServicePermission permission, EndpointServiceConfiguration configuration)
    {
        w.Element("principalType", permission.PrincipalType);
        w.Element("principal", permission.Principal);
        w.Element("servicePermissionId", permission.Id);
        w.Element("serviceId", configuration.Id);
    }

    /// <summary>One consumer's endpoint as its provider sees it.</summary>
    public static void Connection(XmlWriter w, EndpointServiceConfiguration configuration, VpcEndpoint endpoint, AccountState consumer, VpcEndpointState state)
    {
        w.Element("serviceId", configuration.Id);
        w.Element("vpcEndpointId", endpoint.Id);
        w.Element("vpcEndpointOwner", endpoint.OwnerId);
        w.Element("vpcEndpointState", state.ToWire());
        w.Element("creationTimestamp", endpoint.CreationTimestamp);
        VpcEndpointXml.DnsEntrySet(w, endpoint, consumer);
        w.StringList("networkLoadBalancerArnSet", configuration.NetworkLoadBalancerArns);
        w.Element("ipAddressType", endpoint.IpAddressType);
        w.Element("vpcEndpointConnectionId", $"vpce-con-{endpoint.Id[5..]}");
        w.Element("vpcEndpointRegion", consumer.Scope.Region);
    }
}
