namespace LocalVpc.Core.Validation;

/// <summary>
/// The IP address types an endpoint service supports: ipv4 and/or ipv6, at least one, and ipv6 only behind dual-stack
/// network load balancers (https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html#ip-address-types).
/// </summary>
public static class ServiceIpTypes
{
    public static AwsError? Check(AccountState state, ImmutableArray<string> types, IEnumerable<string> balancerArns)
    {
        if (types.IsEmpty) return Ec2Errors.InvalidParameter("An endpoint service supports at least one IP address type: ipv4, ipv6 or both.");
        if (types.FirstOrDefault(t => t is not (EndpointService.Ipv4 or EndpointService.Ipv6)) is { } unknown)
            return Ec2Errors.InvalidParameterValue("SupportedIpAddressType", unknown);
        if (types.Contains(EndpointService.Ipv6) &&
            balancerArns.FirstOrDefault(a => state.LoadBalancers.GetValueOrDefault(a)?.IpAddressType != LoadBalancer.Dualstack) is { } ipv4Only)
            return Ec2Errors.InvalidParameter($"The service cannot support ipv6: its network load balancer {ipv4Only} is not dualstack (elbv2 set-ip-address-type).");
        return null;
    }
}
