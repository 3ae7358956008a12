namespace LocalVpc.Analysis.Rules;

/// <summary>3. The route out of the source subnet: longest prefix of the address's family, and its target must be alive (not a blackhole).</summary>
internal static class RouteRule
{
    public static string? Check(AccountState state, Subnet subnet, IPAddress address, List<Hop> hops, out Route route)
    {
        var table = state.RouteTableOf(subnet);
        route = RouteLookup.Find(state, table, address)!;
        if (route is null)
        {
            var family = IpBlock.Family(address);
            hops.Add(new Hop(HopComponent.Route, table.Id, false, $"{table.Id} has no {family} route to {address}", Explanations.NoRouteToDestination));
            return IpBlock.IsIpv6(address)
                ? $"Add an IPv6 route to {address} in {table.Id} (::/0 to an internet or egress-only internet gateway), or reach it over IPv4."
                : $"Add a route to {address} in {table.Id} (an internet or NAT gateway, or a VPC endpoint), or enable private DNS on an endpoint for the service.";
        }
        if (state.RouteState(table, route) != "active")
        {
            hops.Add(new Hop(HopComponent.Route, table.Id, false, $"the route to {route.Destination} in {table.Id} goes to {route.Target}, which is gone (blackhole)",
                Explanations.BadStateRoute));
            return $"Replace the blackhole route to {route.Destination} in {table.Id} with a working target.";
        }
        hops.Add(new Hop(HopComponent.Route, table.Id, true, $"{route.Destination} via {route.Target} in {table.Id}"));
        return null;
    }
}
