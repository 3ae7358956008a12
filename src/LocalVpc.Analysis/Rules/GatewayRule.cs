namespace LocalVpc.Analysis.Rules;

/// <summary>
/// 3b. What the route leads to outside the VPC: an internet gateway needs a public address on the source, a public NAT
/// gateway its own way out; a gateway endpoint is a hop of its own; a VPN gateway carries nothing (no tunnels here).
/// </summary>
internal static class GatewayRule
{
    public static string? Check(AccountState state, NetworkInterface source, Route route, uint address, List<Hop> hops)
    {
        var target = route.Target;
        if (target.GatewayId is { } igw && igw.StartsWith("igw-", StringComparison.Ordinal))
        {
            if (state.PublicIpOf(source, source.PrivateIpAddress) is null)
            {
                hops.Add(new Hop(HopComponent.InternetGateway, igw, false, $"{source.Id} has no public address, so {igw} cannot carry its traffic",
                    Explanations.InternetGatewayNeedsPublicIp));
                return $"Give {source.Id} a public address (an Elastic IP, or a subnet that maps public addresses), or route through a NAT gateway.";
            }
            hops.Add(new Hop(HopComponent.InternetGateway, igw, true, "to the internet"));
        }
        else if (target.NatGatewayId is { } natId && state.NatGateways.TryGetValue(natId, out var nat))
        {
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
            return $"Route {Ipv4Cidr.FormatAddress(address)} through a gateway LocalVpc carries (internet, NAT, peering or an endpoint); VPN gateways are kept as API objects only.";
        }
        else if (target.GatewayId is { } vpce && state.VpcEndpoints.TryGetValue(vpce, out var endpoint))
            hops.Add(new Hop(HopComponent.VpcEndpoint, vpce, true, $"gateway endpoint to {endpoint.ServiceName}"));
        return null;
    }
}
