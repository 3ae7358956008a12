namespace LocalVpc.Core.Commands.Subnets;

/// <summary>
/// DisassociateSubnetCidrBlock: takes a subnet's IPv6 block away once no network interface in it holds an IPv6 address,
/// and with it the subnet's IPv6-only settings.
/// </summary>
public sealed record DisassociateSubnetCidrBlock(string AssociationId) : ICommand<(Subnet Subnet, SubnetIpv6CidrAssociation Association)>
{
    public Decision<(Subnet Subnet, SubnetIpv6CidrAssociation Association)> Decide(AccountState state, CommandContext context)
    {
        if (!IdPrefix.IsWellFormed(AssociationId, IdPrefix.SubnetCidrAssociation)) return Ec2Errors.SubnetCidrAssociationMalformed(AssociationId);
        var subnet = state.Subnets.Values.FirstOrDefault(s => s.Ipv6CidrAssociation?.AssociationId == AssociationId);
        if (subnet is null) return Ec2Errors.SubnetCidrAssociationNotFound(AssociationId);
        if (subnet.Ipv6Native)
            return Ec2Errors.InvalidParameterValue($"The subnet {subnet.Id} is IPv6 only: its IPv6 block is its only block and stays with it.");
        if (state.NetworkInterfacesIn(subnet.Id).FirstOrDefault(n => !n.Ipv6Addresses.IsEmpty) is { } holder)
            return new AwsError("DependencyViolation",
                $"The subnet CIDR block {subnet.Ipv6CidrAssociation!.Ipv6CidrBlock} has IPv6 addresses in use ({holder.Id}); unassign them first.");
        return Decision.Of((subnet, subnet.Ipv6CidrAssociation!), new ResourcePut(subnet with
        {
            Ipv6CidrAssociation = null, AssignIpv6AddressOnCreation = false, ResourceNameDnsAaaaRecordOnLaunch = false,
        }));
    }
}
