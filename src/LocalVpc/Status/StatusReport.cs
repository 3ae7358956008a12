namespace LocalVpc.Status;

/// <summary>
/// What <c>GET /_localvpc/status</c> returns and <c>localvpc status</c> draws: accounts → regions → VPCs (with their
/// resolver, <c>dns</c>) → subnets → network interfaces, and every running instance's <c>proxy</c>.
/// </summary>
internal sealed record StatusReport(string Api, string CaBundle, string Internet, string Deny, bool Offline,
    SortedDictionary<string, string> Services, List<AccountStatus> Accounts);

internal sealed record AccountStatus(string Account, List<RegionStatus> Regions);

internal sealed record RegionStatus(string Region, List<VpcStatus> Vpcs, List<EndpointServiceStatus> EndpointServices);

internal sealed record VpcStatus(string VpcId, string CidrBlock, bool IsDefault, string? Name, bool EnableDnsSupport, bool EnableDnsHostnames,
    string? Dns, List<SubnetStatus> Subnets, List<InstanceStatus> Instances, List<EndpointStatus> VpcEndpoints);

/// <param name="CidrBlock">The IPv4 block; null in an IPv6-only subnet.</param>
internal sealed record SubnetStatus(string SubnetId, string? CidrBlock, string AvailabilityZone, string? Name, List<InterfaceStatus> NetworkInterfaces,
    string? Ipv6CidrBlock = null);

/// <param name="Kind">instance, vpc-endpoint, load-balancer, nat-gateway or interface.</param>
/// <param name="Owner">The instance, endpoint, load balancer or NAT gateway the interface belongs to.</param>
/// <param name="PrivateIpAddress">The primary IPv4 address; null for an interface in an IPv6-only subnet.</param>
internal sealed record InterfaceStatus(string NetworkInterfaceId, string? PrivateIpAddress, string? PublicIp, List<string> Groups, string Kind,
    string? Owner, string? State, string? Proxy, List<string>? Ipv6Addresses = null);

internal sealed record InstanceStatus(string InstanceId, string State, string? PrivateIpAddress, string SubnetId, string? Name, List<string> Groups, string? Proxy,
    string? Ipv6Address = null);

internal sealed record EndpointStatus(string VpcEndpointId, string ServiceName, string Type, string State, bool PrivateDnsEnabled,
    List<string> DnsNames, List<string> Groups, List<string> NetworkInterfaceIds);

internal sealed record EndpointServiceStatus(string ServiceId, string ServiceName, bool AcceptanceRequired, List<string> NetworkLoadBalancerArns);
