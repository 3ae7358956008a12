namespace LocalVpc.Core.Commands.Vpcs;

/// <summary>DisassociateVpcCidrBlock: removes a secondary block no subnet uses, and its local routes.</summary>
public sealed record DisassociateVpcCidrBlock(string AssociationId) : ICommand<(Vpc Vpc, VpcCidrAssociation Association)>
{
    public Decision<(Vpc Vpc, VpcCidrAssociation Association)> Decide(AccountState state, CommandContext context)
    {
        if (!IdPrefix.IsWellFormed(AssociationId, IdPrefix.VpcCidrAssociation))
            return Ec2Errors.VpcCidrAssociationMalformed(AssociationId);
        var vpc = state.Vpcs.Values.FirstOrDefault(v => v.CidrAssociations.Any(a => a.AssociationId == AssociationId));
        if (vpc is null) return Ec2Errors.VpcCidrAssociationNotFound(AssociationId);
        var association = vpc.CidrAssociations.First(a => a.AssociationId == AssociationId);
        if (association == vpc.CidrAssociations[0]) return Ec2Errors.CannotDisassociatePrimaryCidr(AssociationId, vpc.Id);
        if (state.SubnetsOf(vpc.Id).Any(s => association.Cidr.Contains(s.Cidr)))
            return Ec2Errors.CidrInUse(association.CidrBlock, vpc.Id);

        List<Event> events = [new ResourcePut(vpc with { CidrAssociations = vpc.CidrAssociations.Remove(association) })];
        events.AddRange(state.RouteTablesOf(vpc.Id).Select(t => new ResourcePut(t with
        {
            Routes = t.Routes.RemoveAll(r => r.Target.IsLocal && r.DestinationCidrBlock == association.CidrBlock),
        })));
        return Decision.Of((vpc, association), events);
    }
}
