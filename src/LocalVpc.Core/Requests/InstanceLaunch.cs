namespace LocalVpc.Core.Requests;

/// <summary>Where and how RunInstances places instances: the subnet, groups, IPv4 and IPv6 addresses of each primary interface.</summary>
public sealed record InstanceLaunch(string? SubnetId, ImmutableArray<string> GroupIds, string? PrivateIpAddress,
    bool? AssociatePublicIpAddress, string? NetworkInterfaceId, ImmutableArray<string> Ipv6Addresses = default, int? Ipv6AddressCount = null, bool PrimaryIpv6 = false);
