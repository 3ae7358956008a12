namespace LocalVpc.Core.Resources;

/// <summary>
/// A network load balancer, keyed by its ARN. It has one requester-managed network interface per subnet
/// (<see cref="NetworkInterfaceIds"/>, in subnet order), through which its listeners receive traffic.
/// </summary>
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
    ImmutableSortedDictionary<string, string>? Attributes = null) : Resource(Id)
{
    public string Arn => Id;
}
