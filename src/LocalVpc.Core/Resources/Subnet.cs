namespace LocalVpc.Core.Resources;

/// <summary>
/// A subnet in one availability zone: an IPv4 block of its VPC, a /64 of the VPC's IPv6 blocks, or both (dual stack). An
/// IPv6-only subnet (<see cref="Ipv6Native"/>) has no IPv4 block, and its interfaces no IPv4 address.
/// </summary>
/// <param name="HostnameTypeOnLaunch">How instances launched here are named: <c>ip-name</c> or <c>resource-name</c>.</param>
public sealed record Subnet(
    string Id,
    string VpcId,
    string OwnerId,
    Ipv4Cidr? Cidr,
    string AvailabilityZone,
    string AvailabilityZoneId,
    bool DefaultForAz,
    bool MapPublicIpOnLaunch,
    string NetworkAclId,
    string NetworkAclAssociationId,
    bool EnableDns64 = false,
    string HostnameTypeOnLaunch = Subnet.IpName,
    bool ResourceNameDnsARecordOnLaunch = false,
    bool ResourceNameDnsAaaaRecordOnLaunch = false,
    SubnetIpv6CidrAssociation? Ipv6CidrAssociation = null,
    bool AssignIpv6AddressOnCreation = false) : Resource(Id)
{
    /// <remarks>
    /// Every subnet has exactly one network ACL association, so it lives here rather than in the ACL:
    /// creating a subnet then writes one small record, not the ACL with all its associations.
    /// </remarks>
    public NetworkAclAssociation NetworkAclAssociation => new(NetworkAclAssociationId, Id);

    /// <summary>AWS reserves the network address, the next three (router, DNS, future use) and the broadcast address.</summary>
    /// <remarks>https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html</remarks>
    public const int ReservedAddresses = 5;

    public const string IpName = "ip-name";
    public const string ResourceName = "resource-name";

    public string? CidrBlock => Cidr?.ToString();

    /// <summary>Whether the subnet is IPv6 only: no IPv4 block at all.</summary>
    public bool Ipv6Native => Cidr is null;

    public Ipv6Cidr? Ipv6Cidr => Ipv6CidrAssociation?.Cidr;

    public string State => "available";

    public string Arn(string region) => $"arn:aws:ec2:{region}:{OwnerId}:subnet/{Id}";
}
