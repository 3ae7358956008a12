namespace LocalVpc.Core.Commands.RouteTables;

/// <summary>
/// ReplaceRouteTableAssociation: moves a subnet's association, or the VPC's main association, to another
/// table of the same VPC, under a new association id.
/// </summary>
public sealed record ReplaceRouteTableAssociation(string AssociationId, string RouteTableId) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (Lookup.RouteTableAssociation(state, AssociationId, out var current, out var association) is { } error) return error;
        if (ResourceKinds.RouteTable.Find(state, RouteTableId, out var next) is { } tableError) return tableError;
        if (next.VpcId != current.VpcId)
            return Ec2Errors.InvalidParameterValue($"route table {next.Id} and association {AssociationId} belong to different networks");

        var moved = association with { Id = context.Ids.Next(IdPrefix.RouteTableAssociation) };
        if (next.Id == current.Id)
            return Decision.Of(moved.Id, new ResourcePut(current with { Associations = current.Associations.Replace(association, moved) }));
        return Decision.Of(moved.Id,
            new ResourcePut(current with { Associations = current.Associations.Remove(association) }),
            new ResourcePut(next with { Associations = next.Associations.Add(moved) }));
    }
}
