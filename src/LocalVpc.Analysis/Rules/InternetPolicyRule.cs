namespace LocalVpc.Analysis.Rules;

/// <summary>
/// 7. LocalVpc's policy for a flow the VPC sends to the internet: it goes there only with <c>--internet allow</c>, and
/// only to a public address, so no instance reaches the host's own services or its LAN that way.
/// </summary>
internal static class InternetPolicyRule
{
    public static Terminus Apply(string gateway, IPAddress address, NetworkPolicy policy, List<Hop> hops)
    {
        var text = address.ToString();
        if (!policy.InternetAllowed)
        {
            var reason = $"the VPC would send this out through {gateway} to the internet; LocalVpc does so only with --internet allow";
            hops.Add(new Hop(HopComponent.LocalVpcInternet, gateway, false, reason, Explanations.InternetDenied));
            return new WithheldTerminus(gateway, Explanations.InternetDenied, reason);
        }
        if (!PublicAddress.Is(address))
        {
            var reason = $"{text} is not a public address: the internet path leads only to the internet";
            hops.Add(new Hop(HopComponent.LocalVpcInternet, gateway, false, reason, Explanations.NotPublic));
            return new WithheldTerminus(gateway, Explanations.NotPublic, reason);
        }
        hops.Add(new Hop(HopComponent.LocalVpcInternet, gateway, true, $"{text} on the internet"));
        return new InternetTerminus(gateway, text);
    }
}
