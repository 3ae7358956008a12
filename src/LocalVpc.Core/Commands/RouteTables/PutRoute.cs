namespace LocalVpc.Core.Commands.RouteTables;

/// <summary>
/// CreateRoute (<see cref="Replace"/> false) and ReplaceRoute (true): one destination, one target. A new
/// route's destination must be free (RouteAlreadyExists); a replaced one must exist (InvalidRoute.NotFound).
/// Local routes belong to the VPC and cannot be replaced here.
/// </summary>
public sealed record PutRoute(string RouteTableId, string? DestinationCidrBlock, string? DestinationIpv6CidrBlock,
    string? DestinationPrefixListId, RouteTargetSpec Target, bool Replace) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.RouteTable.Find(state, RouteTableId, out var table) is { } error) return error;
        if (RouteTargets.Destination(DestinationCidrBlock, DestinationIpv6CidrBlock, DestinationPrefixListId, out var destination) is { } invalid)
            return invalid;
        var existing = table.Routes.FirstOrDefault(r => r.Destination == destination);
        if (Replace && existing is null) return Ec2Errors.RouteNotFound(destination, table.Id);
        if (!Replace && existing is not null) return Ec2Errors.RouteAlreadyExists(destination);
        if (existing is { Target.IsLocal: true }) return Ec2Errors.CannotChangeLocalRoute(destination, table.Id);
        if (existing?.Target.GatewayId is { } owner && IdPrefix.IsWellFormed(owner, IdPrefix.VpcEndpoint))
            return Ec2Errors.RouteManagedByEndpoint(destination, owner);
        if (RouteTargets.Resolve(state, table, Target, DestinationIpv6CidrBlock is not null, out var target) is { } targetError) return targetError;

        var route = new Route(DestinationCidrBlock, DestinationIpv6CidrBlock, DestinationPrefixListId, target, Route.OriginCreateRoute);
        var routes = existing is null ? table.Routes.Add(route) : table.Routes.Replace(existing, route);
        return Decision.Of(true, new ResourcePut(table with { Routes = routes }));
    }
}
