namespace LocalVpc.Core.Commands.RouteTables;

/// <summary>DisassociateRouteTable: the subnet goes back to the main table. The main association cannot go.</summary>
public sealed record DisassociateRouteTable(string AssociationId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (Lookup.RouteTableAssociation(state, AssociationId, out var table, out var association) is { } error) return error;
        if (association.Main) return Ec2Errors.CannotDisassociateMain(AssociationId);
        return Decision.Of(true, new ResourcePut(table with { Associations = table.Associations.Remove(association) }));
    }
}
