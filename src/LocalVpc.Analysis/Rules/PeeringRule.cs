namespace LocalVpc.Analysis.Rules;

/// <summary>
/// 3c. A route through a VPC peering connection: the traffic is delivered only to an address of the peer VPC itself
/// (a peering is not transitive: nothing goes on through the peer's gateways or gateway endpoints), and the answer needs
/// a route back through the same connection from the destination's subnet
/// (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations).
/// </summary>
internal static class PeeringRule
{
    /// <summary>The peer VPC and its account's state, when the address is in it.</summary>
    public static string? Check(RegionSnapshot region, AccountState state, NetworkInterface source, string peeringId, IPAddress address, List<Hop> hops,
        out AccountState peerState, out Vpc peerVpc)
    {
        var text = address.ToString();
        var peering = state.Table(ResourceKinds.VpcPeeringConnection)[peeringId];
        var remote = peering.SidesFrom(source.VpcId)!.Value.Remote;
        peerState = region.Account(remote.OwnerId);
        peerVpc = peerState.Vpcs.GetValueOrDefault(remote.VpcId)!;
        if (peerVpc is null)
        {
            hops.Add(new Hop(HopComponent.VpcPeeringConnection, peering.Id, false, $"the peer VPC {remote.VpcId} no longer exists", Explanations.BadState));
            return $"Delete {peering.Id} and the routes through it.";
        }
        var blocks = peerVpc.Cidrs.Select(c => c.ToString()).Concat(peerVpc.Ipv6Cidrs.Select(c => c.ToString())).ToList();
        if (!blocks.Any(c => IpBlock.Contains(c, address)))
        {
            hops.Add(new Hop(HopComponent.VpcPeeringConnection, peering.Id, false,
                $"{text} is not in {peerVpc.Id} ({string.Join(", ", blocks)}): a peering carries traffic only between the two VPCs, " +
                "never on through the peer's gateways or gateway endpoints", Explanations.NoRouteToDestination));
            return $"Reach {text} from {source.VpcId} itself (its own gateway or endpoint): a peering is not transitive.";
        }
        hops.Add(new Hop(HopComponent.VpcPeeringConnection, peering.Id, true, $"to {peerVpc.Id} of {remote.OwnerId}"));
        return null;
    }

    /// <summary>The answer's way back: the destination subnet's route to the source must go through the same connection.</summary>
    public static string? CheckReturn(AccountState peerState, Subnet targetSubnet, NetworkInterface source, string peeringId, IPAddress address,
        List<Hop> hops)
    {
        var table = peerState.RouteTableOf(targetSubnet);
        var sourceIp = IpBlock.SourceFor(source, address)!;
        var back = RouteLookup.Find(peerState, table, sourceIp);
        if (back?.Target.VpcPeeringConnectionId != peeringId || peerState.RouteState(table, back) != "active")
        {
            hops.Add(new Hop(HopComponent.Route, table.Id, false,
                $"{table.Id} of the destination subnet has no route back to {sourceIp} through {peeringId}", Explanations.NoRouteToDestination));
            return $"Add a route to {sourceIp}'s VPC block through {peeringId} in {table.Id}, so the answer finds its way back.";
        }
        hops.Add(new Hop(HopComponent.Route, table.Id, true, $"the answer returns to {sourceIp} via {peeringId} in {table.Id}"));
        return null;
    }
}
