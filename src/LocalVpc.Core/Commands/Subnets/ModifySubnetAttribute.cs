namespace LocalVpc.Core.Commands.Subnets;

/// <summary>The one attribute a ModifySubnetAttribute call changes.</summary>
public sealed record SubnetAttributeChange(
    bool? MapPublicIpOnLaunch = null,
    bool? AssignIpv6AddressOnCreation = null,
    bool? EnableDns64 = null,
    string? PrivateDnsHostnameTypeOnLaunch = null,
    bool? EnableResourceNameDnsARecordOnLaunch = null,
    bool? EnableResourceNameDnsAaaaRecordOnLaunch = null)
{
    public int Count => new object?[]
    {
        MapPublicIpOnLaunch, AssignIpv6AddressOnCreation, EnableDns64, PrivateDnsHostnameTypeOnLaunch,
        EnableResourceNameDnsARecordOnLaunch, EnableResourceNameDnsAaaaRecordOnLaunch,
    }.Count(v => v is not null);
}

/// <summary>
/// ModifySubnetAttribute (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySubnetAttribute.html): one
/// attribute per call. What needs an IPv6 block is turned on only in a subnet that has one.
/// </summary>
public sealed record ModifySubnetAttribute(string SubnetId, SubnetAttributeChange Change) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Subnet.Find(state, SubnetId, out var subnet) is { } error) return error;
        if (Change.Count == 0) return Ec2Errors.MissingParameter("MapPublicIpOnLaunch");
        if (Change.Count > 1) return Ec2Errors.InvalidParameterCombination("Fields for multiple attribute types specified");
        if (Change.AssignIpv6AddressOnCreation is true && subnet.Ipv6CidrAssociation is null)
            return Ec2Errors.InvalidParameterValue($"Invalid value 'true' for assignIpv6AddressOnCreation. Cannot set assignIpv6AddressOnCreation to true unless the subnet ({subnet.Id}) has an IPv6 CIDR block associated with it.");
        if (Change.EnableResourceNameDnsAaaaRecordOnLaunch is true && subnet.Ipv6CidrAssociation is null)
            return Ec2Errors.InvalidParameterValue($"Cannot enable AAAA records for resource names on {subnet.Id}: it has no IPv6 CIDR block.");
        if (Change.PrivateDnsHostnameTypeOnLaunch is { } type && type is not (Subnet.IpName or Subnet.ResourceName))
            return Ec2Errors.InvalidParameterValue("PrivateDnsHostnameTypeOnLaunch", type);
        // An IPv6-only subnet has no IPv4 addresses: no ip- names, no public IPv4 addresses, no A records.
        if (subnet.Ipv6Native && (Change.PrivateDnsHostnameTypeOnLaunch == Subnet.IpName || Change.MapPublicIpOnLaunch == true ||
                                  Change.EnableResourceNameDnsARecordOnLaunch == true))
            return Ec2Errors.InvalidParameterValue($"The subnet {subnet.Id} is IPv6 only: it takes no IPv4 setting (ip-name hostnames, public IPv4 addresses, A records).");
        return Decision.Of(true, new ResourcePut(subnet with
        {
            MapPublicIpOnLaunch = Change.MapPublicIpOnLaunch ?? subnet.MapPublicIpOnLaunch,
            AssignIpv6AddressOnCreation = Change.AssignIpv6AddressOnCreation ?? subnet.AssignIpv6AddressOnCreation,
            EnableDns64 = Change.EnableDns64 ?? subnet.EnableDns64,
            HostnameTypeOnLaunch = Change.PrivateDnsHostnameTypeOnLaunch ?? subnet.HostnameTypeOnLaunch,
            ResourceNameDnsARecordOnLaunch = Change.EnableResourceNameDnsARecordOnLaunch ?? subnet.ResourceNameDnsARecordOnLaunch,
            ResourceNameDnsAaaaRecordOnLaunch = Change.EnableResourceNameDnsAaaaRecordOnLaunch ?? subnet.ResourceNameDnsAaaaRecordOnLaunch,
        }));
    }
}
