namespace LocalVpc.Analysis.Rules;

/// <summary>
/// Longest-prefix match in a route table over the routes of the address's family: CIDR routes of either family and
/// prefix-list routes (a list matches with the prefix of its matching block).
/// </summary>
public static class RouteLookup
{
    public static Route? Find(AccountState state, RouteTable table, IPAddress address)
    {
        Route? best = null;
        var bestLength = -1;
        foreach (var route in table.Routes)
        {
            var length = MatchLength(state, route, address);
            if (length > bestLength) (best, bestLength) = (route, length);
        }
        return best;
    }

    private static int MatchLength(AccountState state, Route route, IPAddress address)
    {
        if ((route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock) is { } cidr) return IpBlock.MatchLength(cidr, address);
        if (route.DestinationPrefixListId is { } id && Lookup.PrefixListCidrs(state, id) is { IsEmpty: false } cidrs)
            return cidrs.Select(c => IpBlock.MatchLength(c, address)).Max();
        return -1;
    }
}
