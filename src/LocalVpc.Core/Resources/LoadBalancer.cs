namespace LocalVpc.Core.Resources;

/// <summary>
/// A network load balancer, keyed by its ARN. It has one requester-managed network interface per subnet
/// (<see cref="NetworkInterfaceIds"/>, in subnet order), through which its listeners receive traffic.
/// </summary>
/// <param name="IpAddressType"><c>ipv4</c>, or <c>dualstack</c>: its interfaces hold an IPv6 address too, and endpoint services behind it may support IPv6.</param>
public sealed record LoadBalancer(
    string Id,
    string Name,
    string Scheme,
    string VpcId,
    ImmutableArray<string> SubnetIds,
    ImmutableArray<string> NetworkInterfaceIds,
    ImmutableArray<string> SecurityGroupIds,
    string DnsName,
    DateTimeOffset CreatedTime,
    ImmutableSortedDictionary<string, string>? Attributes = null,
    string IpAddressType = LoadBalancer.Ipv4) : Resource(Id)
{
    public const string Ipv4 = "ipv4", Dualstack = "dualstack";

    public string Arn => Id;
}
