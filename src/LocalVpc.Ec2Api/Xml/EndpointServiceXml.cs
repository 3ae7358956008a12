namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>ServiceDetail</c> shape.</summary>
public static class EndpointServiceXml
{
    public static void ServiceDetail(XmlWriter w, EndpointService service, AccountState state)
    {
        w.Element("serviceName", service.ServiceName);
        w.Element("serviceId", service.ServiceId);
        w.List("serviceType", [service.Type], (w, type) => w.Element("serviceType", type));
        w.Element("serviceRegion", state.Scope.Region);
        w.StringList("availabilityZoneIdSet", service.AvailabilityZones.Select(z => z.ZoneId));
        w.StringList("availabilityZoneSet", service.AvailabilityZones.Select(z => z.Name));
        w.Element("owner", service.Owner);
        w.StringList("baseEndpointDnsNameSet", service.BaseEndpointDnsNames);
        w.Element("privateDnsName", service.PrivateDnsName);
        if (!service.PrivateDnsNames.IsEmpty)
            w.List("privateDnsNameSet", service.PrivateDnsNames, (w, name) => w.Element("privateDnsName", name));
        w.Element("vpcEndpointPolicySupported", service.VpcEndpointPolicySupported);
        w.Element("acceptanceRequired", service.AcceptanceRequired);
        w.Element("managesVpcEndpoints", false);
        if (service.PrivateDnsName is not null) w.Element("privateDnsNameVerificationState", service.PrivateDnsVerificationState);
        w.StringList("supportedIpAddressTypeSet", service.SupportedIpAddressTypes);
    }
}
