namespace LocalVpc.Core.Commands.Vpcs;

/// <summary>DisassociateVpcCidrBlock: removes a secondary IPv4 block or an IPv6 block no subnet uses, and its local routes.</summary>
public sealed record DisassociateVpcCidrBlock(string AssociationId)
    : ICommand<(Vpc Vpc, VpcCidrAssociation? Ipv4, VpcIpv6CidrAssociation? Ipv6)>
{
    public Decision<(Vpc Vpc, VpcCidrAssociation? Ipv4, VpcIpv6CidrAssociation? Ipv6)> Decide(AccountState state, CommandContext context)
    {
        if (!IdPrefix.IsWellFormed(AssociationId, IdPrefix.VpcCidrAssociation))
            return Ec2Errors.VpcCidrAssociationMalformed(AssociationId);
        var vpc = state.Vpcs.Values.FirstOrDefault(v => v.CidrAssociations.Any(a => a.AssociationId == AssociationId) ||
                                                         v.Ipv6CidrAssociations.Any(a => a.AssociationId == AssociationId));
        if (vpc is null) return Ec2Errors.VpcCidrAssociationNotFound(AssociationId);

        if (vpc.Ipv6CidrAssociations.FirstOrDefault(a => a.AssociationId == AssociationId) is { } ipv6)
        {
            if (state.SubnetsOf(vpc.Id).Any(s => s.Ipv6CidrAssociation is { } block && ipv6.Cidr.Contains(block.Cidr)))
                return Ec2Errors.CidrInUse(ipv6.Ipv6CidrBlock, vpc.Id);
            return Decision.Of<(Vpc, VpcCidrAssociation?, VpcIpv6CidrAssociation?)>((vpc, null, ipv6),
                WithoutLocalRoute(state, vpc with { Ipv6CidrAssociations = vpc.Ipv6CidrAssociations.Remove(ipv6) }, ipv6.Ipv6CidrBlock));
        }
        var association = vpc.CidrAssociations.First(a => a.AssociationId == AssociationId);
        if (association == vpc.CidrAssociations[0]) return Ec2Errors.CannotDisassociatePrimaryCidr(AssociationId, vpc.Id);
        if (state.SubnetsOf(vpc.Id).Any(s => s.Cidr is { } block && association.Cidr.Contains(block)))
            return Ec2Errors.CidrInUse(association.CidrBlock, vpc.Id);
        return Decision.Of<(Vpc, VpcCidrAssociation?, VpcIpv6CidrAssociation?)>((vpc, association, null),
            WithoutLocalRoute(state, vpc with { CidrAssociations = vpc.CidrAssociations.Remove(association) }, association.CidrBlock));
    }

    /// <summary>The changed VPC, and its route tables without the block's local route.</summary>
    private static List<Event> WithoutLocalRoute(AccountState state, Vpc changed, string block)
    {
        List<Event> events = [new ResourcePut(changed)];
        events.AddRange(state.RouteTablesOf(changed.Id).Select(t => new ResourcePut(t with
        {
            Routes = t.Routes.RemoveAll(r => r.Target.IsLocal && r.Destination == block),
        })));
        return events;
    }
}
