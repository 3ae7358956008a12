namespace LocalVpc.Core.Validation;

/// <summary>
/// An interface endpoint's IP address type and DNS record type, as AWS checks them
/// (https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html#aws-service-ip-address-type):
/// the service must support the family or families; an ipv4 endpoint's subnets need IPv4 blocks, a dualstack one's both
/// families, an ipv6 one's must be IPv6 only; and the DNS records can only be of families the endpoint's interfaces hold.
/// </summary>
public static class EndpointIpTypes
{
    public const string Ipv4 = "ipv4", Dualstack = "dualstack", Ipv6 = "ipv6", ServiceDefined = "service-defined";

    /// <summary>The DNS record type an endpoint gets when none is asked for: the families of its addresses.</summary>
    public static string DefaultDnsRecordIpType(string ipAddressType) => ipAddressType;

    /// <summary>Whether an endpoint's interfaces hold IPv6 addresses.</summary>
    public static bool HasIpv6(string ipAddressType) => ipAddressType is Dualstack or Ipv6;

    private static string Families(Subnet subnet) =>
        subnet.Ipv6Native ? "IPv6 only" : subnet.Ipv6CidrAssociation is null ? "IPv4 only" : "dual stack";

    public static AwsError? Check(EndpointService service, IEnumerable<Subnet> subnets, string ipAddressType, string dnsRecordIpType)
    {
        if (ipAddressType is not (Ipv4 or Dualstack or Ipv6)) return Ec2Errors.InvalidParameterValue("IpAddressType", ipAddressType);
        if (dnsRecordIpType is not (Ipv4 or Dualstack or Ipv6 or ServiceDefined)) return Ec2Errors.InvalidParameterValue("DnsRecordIpType", dnsRecordIpType);
        var needs = ipAddressType switch { Ipv4 => [EndpointService.Ipv4], Ipv6 => [EndpointService.Ipv6], _ => new[] { EndpointService.Ipv4, EndpointService.Ipv6 } };
        if (!service.IsInterface && ipAddressType != Ipv4 || needs.Any(n => !service.SupportedIpAddressTypes.Contains(n)))
            return Ec2Errors.InvalidParameter($"The VPC endpoint service {service.ServiceName} does not support IP address type {ipAddressType}.");
        foreach (var subnet in subnets)
        {
            var fits = ipAddressType switch
            {
                Ipv4 => !subnet.Ipv6Native,
                Dualstack => !subnet.Ipv6Native && subnet.Ipv6CidrAssociation is not null,
                _ => subnet.Ipv6Native,
            };
            if (!fits)
                return Ec2Errors.InvalidParameter($"The subnet {subnet.Id} ({Families(subnet)}) cannot take an endpoint of IP address type {ipAddressType}: " +
                                                  "ipv4 needs IPv4 blocks, dualstack both families, ipv6 IPv6-only subnets.");
        }
        var compatible = dnsRecordIpType switch
        {
            Ipv4 => ipAddressType is Ipv4 or Dualstack,
            Ipv6 => ipAddressType is Ipv6 or Dualstack,
            Dualstack => ipAddressType == Dualstack,
            _ => true,
        };
        return compatible ? null
            : Ec2Errors.InvalidParameter($"DnsRecordIpType {dnsRecordIpType} is not valid for an endpoint of IP address type {ipAddressType}.");
    }
}
