namespace LocalVpc.Core.Commands.VpcEndpoints;

/// <summary>
/// DeleteVpcEndpoints: each endpoint goes with its interfaces or routes. Ids it cannot delete come back
/// one by one in Unsuccessful (InvalidVpcEndpoint.NotFound), and the others are deleted all the same.
/// </summary>
public sealed record DeleteVpcEndpoints(ImmutableArray<string> VpcEndpointIds) : ICommand<ImmutableArray<UnsuccessfulItem>>
{
    public Decision<ImmutableArray<UnsuccessfulItem>> Decide(AccountState state, CommandContext context)
    {
        var unsuccessful = ImmutableArray.CreateBuilder<UnsuccessfulItem>();
        var events = new List<Event>();
        var tables = new Dictionary<string, RouteTable>();
        foreach (var id in VpcEndpointIds.Distinct())
        {
            if (!IdPrefix.IsWellFormed(id, IdPrefix.VpcEndpoint))
            {
                unsuccessful.Add(new UnsuccessfulItem(id, Ec2Errors.VpcEndpointIdMalformed(id)));
                continue;
            }
            if (!state.VpcEndpoints.TryGetValue(id, out var endpoint))
            {
                unsuccessful.Add(new UnsuccessfulItem(id, Ec2Errors.VpcEndpointNotFoundForDelete(id)));
                continue;
            }
            events.AddRange(endpoint.NetworkInterfaceIds.Select(eni => new ResourceRemoved(eni)));
            foreach (var tableId in endpoint.RouteTableIds)
            {
                if (!tables.TryGetValue(tableId, out var table) && !state.RouteTables.TryGetValue(tableId, out table)) continue;
                tables[tableId] = table with { Routes = table.Routes.RemoveAll(r => r.Target.GatewayId == endpoint.Id) };
            }
            events.Add(new ResourceRemoved(endpoint.Id));
        }
        events.AddRange(tables.Values.Select(t => new ResourcePut(t)));
        return Decision.Of(unsuccessful.ToImmutable(), events);
    }
}
