namespace LocalVpc.Core.Commands.RouteTables;

/// <summary>DeleteRoute: any route but a local one.</summary>
public sealed record DeleteRoute(string RouteTableId, string? DestinationCidrBlock, string? DestinationIpv6CidrBlock,
    string? DestinationPrefixListId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.RouteTable.Find(state, RouteTableId, out var table) is { } error) return error;
        if (RouteTargets.Destination(DestinationCidrBlock, DestinationIpv6CidrBlock, DestinationPrefixListId, out var destination) is { } invalid)
            return invalid;
        var route = table.Routes.FirstOrDefault(r => r.Destination == destination);
        if (route is null) return Ec2Errors.RouteNotFound(destination, table.Id);
        if (route.Target.IsLocal) return Ec2Errors.CannotChangeLocalRoute(destination, table.Id);
        if (route.Target.GatewayId is { } owner && IdPrefix.IsWellFormed(owner, IdPrefix.VpcEndpoint))
            return Ec2Errors.RouteManagedByEndpoint(destination, owner);
        return Decision.Of(true, new ResourcePut(table with { Routes = table.Routes.Remove(route) }));
    }
}
