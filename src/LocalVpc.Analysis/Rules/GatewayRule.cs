namespace LocalVpc.Analysis.Rules;

/// <summary>
/// 3b. What the route leads to outside the VPC: an internet gateway needs a public IPv4 address on the source for IPv4
/// (an IPv6 address is public already), an egress-only gateway carries IPv6 out only, a public NAT gateway needs its own
/// way out and translates IPv4 only; a gateway endpoint is a hop of its own; a VPN gateway carries nothing (no tunnels here).
/// </summary>
internal static class GatewayRule
{
    public static string? Check(RegionSnapshot region, AccountState state, NetworkInterface source, Route route, IPAddress address, List<Hop> hops)
    {
        var target = route.Target;
        var ipv6 = IpBlock.IsIpv6(address);
        if (target.GatewayId is { } igw && igw.StartsWith("igw-", StringComparison.Ordinal))
        {
            if (!ipv6 && state.PublicIpOf(source, source.PrivateIpAddress) is null)
            {
                hops.Add(new Hop(HopComponent.InternetGateway, igw, false, $"{source.Id} has no public IPv4 address, so {igw} cannot carry its IPv4 traffic",
                    Explanations.InternetGatewayNeedsPublicIp));
                return $"Give {source.Id} a public address (an Elastic IP, or a subnet that maps public addresses), or route through a NAT gateway.";
            }
            hops.Add(new Hop(HopComponent.InternetGateway, igw, true, ipv6 ? "to the internet over IPv6" : "to the internet"));
            return ipv6 ? IntoEgressOnlyVpc(region, source, address, hops) : null;
        }
        if (target.EgressOnlyInternetGatewayId is { } eigw)
        {
            hops.Add(new Hop(HopComponent.EgressOnlyInternetGateway, eigw, true, "to the internet over IPv6 (outbound only)"));
            return IntoEgressOnlyVpc(region, source, address, hops);
        }
        if (target.NatGatewayId is { } natId && state.NatGateways.TryGetValue(natId, out var nat))
        {
            if (ipv6)
            {
                hops.Add(new Hop(HopComponent.NatGateway, nat.Id, false, $"{nat.Id} translates IPv4 only; it does not carry IPv6 to {address}",
                    Explanations.NoRouteToDestination));
                return $"Route IPv6 (::/0) to an egress-only internet gateway or an internet gateway instead of {nat.Id}.";
            }
            var natTable = state.RouteTableOf(state.Subnets[nat.SubnetId]);
            var onward = RouteLookup.Find(state, natTable, address);
            var natOut = onward?.Target.GatewayId is { } g && g.StartsWith("igw-", StringComparison.Ordinal) && state.RouteState(natTable, onward) == "active";
            if (nat.ConnectivityType == "public" && !natOut)
            {
                hops.Add(new Hop(HopComponent.NatGateway, nat.Id, false, $"{nat.Id}'s subnet {nat.SubnetId} has no route to the internet gateway ({natTable.Id})",
                    Explanations.NoRouteToDestination));
                return $"Add a route 0.0.0.0/0 to the VPC's internet gateway in {natTable.Id}, the NAT gateway's route table.";
            }
            hops.Add(new Hop(HopComponent.NatGateway, nat.Id, true, nat.ConnectivityType == "public" ? $"translated, then out through {onward!.Target}" : "translated (private NAT)"));
        }
        else if (target.GatewayId is { } vgw && vgw.StartsWith("vgw-", StringComparison.Ordinal))
        {
            hops.Add(new Hop(HopComponent.VpnGateway, vgw, false, $"{vgw} has no VPN connection here (LocalVpc runs no tunnels), so nothing carries the traffic on",
                Explanations.NoUpstream));
            return $"Route {address} through a gateway LocalVpc carries (internet, NAT, peering or an endpoint); VPN gateways are kept as API objects only.";
        }
        else if (target.GatewayId is { } vpce && state.VpcEndpoints.TryGetValue(vpce, out var endpoint))
            hops.Add(new Hop(HopComponent.VpcEndpoint, vpce, true, $"gateway endpoint to {endpoint.ServiceName}"));
        return null;
    }

    /// <summary>
    /// An IPv6 address on the internet may be an interface of a VPC of this region. A connection from the internet gets
    /// into it only when the destination subnet's route back to the source is an internet gateway: an egress-only gateway
    /// lets answers in, never a new connection.
    /// </summary>
    private static string? IntoEgressOnlyVpc(RegionSnapshot region, NetworkInterface source, IPAddress address, List<Hop> hops)
    {
        var from = IpBlock.SourceFor(source, address)!;
        foreach (var account in region.Accounts.Values)
        {
            var holder = account.NetworkInterfaces.Values.FirstOrDefault(n => IpBlock.Holds(n, address));
            if (holder is null) continue;
            var table = account.RouteTableOf(account.Subnets[holder.SubnetId]);
            if (RouteLookup.Find(account, table, from)?.Target.EgressOnlyInternetGatewayId is not { } eigw) return null;
            hops.Add(new Hop(HopComponent.EgressOnlyInternetGateway, eigw, false,
                $"{address} is {holder.Id} in {holder.VpcId}, whose IPv6 way out is the egress-only gateway {eigw}: it lets no connection in from the internet",
                Explanations.EgressOnlyInbound));
            return $"Route ::/0 of {table.Id} to an internet gateway to take IPv6 connections from the internet, or connect to {holder.Id} privately (peering).";
        }
        return null;
    }
}
