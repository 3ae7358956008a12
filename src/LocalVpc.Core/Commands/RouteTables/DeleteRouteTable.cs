namespace LocalVpc.Core.Commands.RouteTables;

/// <summary>
/// DeleteRouteTable: refused for the main table and for a table any subnet is associated with. Gateway
/// endpoints that routed through it forget it.
/// </summary>
public sealed record DeleteRouteTable(string RouteTableId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.RouteTable.Find(state, RouteTableId, out var table) is { } error) return error;
        if (!table.Associations.IsEmpty) return Ec2Errors.RouteTableDependencyViolation(table.Id);
        var endpoints = state.VpcEndpoints.Values.Where(e => e.RouteTableIds.Contains(table.Id))
            .Select(e => (Event)new ResourcePut(e with { RouteTableIds = e.RouteTableIds.Remove(table.Id) }));
        return Decision.Of(true, [.. endpoints, new ResourceRemoved(table.Id)]);
    }
}
