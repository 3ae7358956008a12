namespace LocalVpc.Analysis.Rules;

/// <summary>Longest-prefix match in a route table, over CIDR routes and prefix-list routes (a list matches with the prefix of its matching block).</summary>
public static class RouteLookup
{
    public static Route? Find(AccountState state, RouteTable table, uint address)
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

    private static int MatchLength(AccountState state, Route route, uint address)
    {
        if (route.DestinationCidrBlock is { } cidr)
            return Ipv4Cidr.TryParse(cidr, out var block) && block.Contains(address) ? block.PrefixLength : -1;
        if (route.DestinationPrefixListId is { } id && Lookup.PrefixListCidrs(state, id) is { IsEmpty: false } cidrs)
            return cidrs.Select(c => Ipv4Cidr.TryParse(c, out var block) && block.Contains(address) ? block.PrefixLength : -1).Max();
        return -1;
    }
}
