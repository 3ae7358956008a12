namespace LocalVpc.Core.Commands.Subnets;

/// <summary>AssociateSubnetCidrBlock: gives a subnet its IPv6 block (one per subnet), a /64 of its VPC's IPv6 blocks.</summary>
public sealed record AssociateSubnetCidrBlock(string SubnetId, string? Ipv6CidrBlock) : ICommand<SubnetIpv6CidrAssociation>
{
    public Decision<SubnetIpv6CidrAssociation> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Subnet.Find(state, SubnetId, out var subnet) is { } error) return error;
        if (Ipv6CidrBlock is null) return Ec2Errors.MissingParameter("ipv6CidrBlock");
        if (subnet.Ipv6CidrAssociation is { } existing)
            return Ec2Errors.InvalidParameterValue($"The subnet {subnet.Id} already has the IPv6 CIDR block {existing.Ipv6CidrBlock}: a subnet has one IPv6 block.");
        if (CreateSubnet.CheckIpv6Block(state, state.Vpcs[subnet.VpcId], Ipv6CidrBlock, out var cidr) is { } invalid) return invalid;
        var association = new SubnetIpv6CidrAssociation(context.Ids.Next(IdPrefix.SubnetCidrAssociation), cidr);
        return Decision.Of(association, new ResourcePut(subnet with { Ipv6CidrAssociation = association }));
    }
}
