namespace LocalVpc.Analysis;

/// <summary>
/// A Network Insights path's question, answered by the analyser (what <c>StartNetworkInsightsAnalysis</c> records).
/// AWS's Reachability Analyzer knows nothing of LocalVpc's internet policy, so hops that only that policy stops are
/// left out of the findings.
/// </summary>
public static class PathAnalysis
{
    /// <summary>The answer for <paramref name="path"/> of <paramref name="account"/>, at <paramref name="now"/>.</summary>
    public static PathAnswer Answer(RegionSnapshot region, AccountState account, NetworkInsightsPath path, DateTimeOffset now)
    {
        if (path.DestinationPort is not { } port)
            return new PathAnswer(null, "LocalVpc analyses one destination port: create the path with DestinationPort.", []);
        var destination = path.DestinationIp ?? (path.Destination is { } id ? AddressOf(account, id) : null);
        if (destination is null)
            return new PathAnswer(null, $"{path.Destination} has no private address to analyse a path to: create the path with DestinationIp.", []);
        var verdict = ReachabilityAnalyzer.Analyze(region, account.Scope.Account, new Flow(path.Source, destination, path.Protocol, port), new NetworkPolicy(now));
        return new PathAnswer(verdict.Reachable, null, [.. verdict.Hops.Where(h => !Explanations.IsWithheld(h.ExplanationCode))]);
    }

    /// <summary>An interface's address: its primary IPv4 one, or its IPv6 one in an IPv6-only subnet.</summary>
    private static string? AddressOf(NetworkInterface eni) => eni.PrivateIpAddress ?? eni.Ipv6Address;

    /// <summary>A destination resource stands for its private address.</summary>
    private static string? AddressOf(AccountState state, string id) => state.Find(id) switch
    {
        Instance instance => state.NetworkInterfaces.GetValueOrDefault(instance.PrimaryNetworkInterfaceId) is { } primary ? AddressOf(primary) : null,
        NetworkInterface eni => AddressOf(eni),
        VpcEndpoint endpoint => endpoint.NetworkInterfaceIds.Select(n => state.NetworkInterfaces.GetValueOrDefault(n)).OfType<NetworkInterface>()
            .Select(AddressOf).FirstOrDefault(a => a is not null),
        _ => null,
    };
}
