namespace LocalVpc.Status;

/// <summary>
/// What <c>GET /_localvpc/status</c> returns and <c>localvpc status</c> draws: accounts → regions → VPCs (with their
/// resolver, <c>dns</c>) → subnets → network interfaces, and every running instance's <c>proxy</c>.
/// </summary>
internal sealed record StatusReport(string Api, string CaBundle, string Internet, string Deny, bool Offline,
    SortedDictionary<string, string> Services, List<AccountStatus> Accounts);

internal sealed record AccountStatus(string Account, List<RegionStatus> Regions);

internal sealed record RegionStatus(string Region, List<VpcStatus> Vpcs, List<EndpointServiceStatus> EndpointServices);

/// <param name="RouteTables">Each route table with its routes and the subnets it is associated with.</param>
/// <param name="Gateways">Internet, egress-only internet, NAT and virtual private gateways of the VPC.</param>
internal sealed record VpcStatus(string VpcId, string CidrBlock, bool IsDefault, string? Name, bool EnableDnsSupport, bool EnableDnsHostnames,
    string? Dns, List<SubnetStatus> Subnets, List<InstanceStatus> Instances, List<EndpointStatus> VpcEndpoints,
    List<RouteTableStatus>? RouteTables = null, List<GatewayStatus>? Gateways = null, List<SecurityGroupStatus>? SecurityGroups = null,
    string? Ipv6CidrBlock = null);

/// <param name="Subnets">The subnets explicitly associated; the main table also serves every subnet that has none.</param>
internal sealed record RouteTableStatus(string RouteTableId, bool Main, string? Name, List<string> Subnets, List<RouteStatus> Routes);

/// <param name="State">active, or blackhole when the target is gone.</param>
internal sealed record RouteStatus(string Destination, string Target, string State);

/// <param name="Kind">internet-gateway, egress-only-internet-gateway, nat-gateway or vpn-gateway.</param>
internal sealed record GatewayStatus(string GatewayId, string Kind, string? State, string? SubnetId, string? Name);

internal sealed record SecurityGroupStatus(string GroupId, string GroupName, string Description, List<RuleStatus> Ingress, List<RuleStatus> Egress);

/// <param name="Protocol">tcp, udp, icmp, … or -1 for all.</param>
/// <param name="Peer">The CIDR block, prefix list or security group the rule allows.</param>
internal sealed record RuleStatus(string Protocol, int? FromPort, int? ToPort, string Peer, string? Description);

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

/// <param name="RouteTableIds">A gateway endpoint's route tables.</param>
internal sealed record EndpointStatus(string VpcEndpointId, string ServiceName, string Type, string State, bool PrivateDnsEnabled,
    List<string> DnsNames, List<string> Groups, List<string> NetworkInterfaceIds, List<string>? RouteTableIds = null, List<string>? SubnetIds = null);

/// <param name="Connections">The endpoints of any account in the region that connect to the service, as its owner sees them
/// (DescribeVpcEndpointConnections: the endpoint, its owner, its state).</param>
internal sealed record EndpointServiceStatus(string ServiceId, string ServiceName, bool AcceptanceRequired, List<string> NetworkLoadBalancerArns,
    List<ConnectionStatus>? Connections = null);

/// <param name="State">pendingAcceptance, pending, available, rejected, …</param>
internal sealed record ConnectionStatus(string VpcEndpointId, string VpcEndpointOwner, string State);
