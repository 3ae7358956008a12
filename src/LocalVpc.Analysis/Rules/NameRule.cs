namespace LocalVpc.Analysis.Rules;

/// <summary>2. The destination name, resolved in the source VPC's view (<see cref="NameResolver"/>).</summary>
internal static class NameRule
{
    /// <param name="resolution">The answer when the name resolves (no fix returned).</param>
    public static string? Check(AccountState state, Vpc vpc, Subnet subnet, Flow flow, NetworkPolicy policy, List<Hop> hops,
        out Resolution resolution)
    {
        var destination = flow.Destination;
        var resolved = NameResolver.Resolve(state, vpc, subnet, destination, policy.Forwarded, flow.PreferIpv6);
        resolution = resolved!;
        if (resolved is null && NameResolver.Refuses(vpc))
        {
            hops.Add(new Hop(HopComponent.Dns, vpc.Id, false, $"{vpc.Id} has enableDnsSupport off: its resolver answers no name, {destination} included",
                Explanations.VpcDnsSupportDisabled));
            return $"Turn enableDnsSupport on for {vpc.Id} (aws ec2 modify-vpc-attribute --enable-dns-support), or connect by address.";
        }
        if (resolved is null)
        {
            hops.Add(new Hop(HopComponent.Dns, vpc.Id, false, $"{destination} does not resolve in {vpc.Id}", Explanations.NameNotResolved));
            return $"Use a name that resolves in {vpc.Id}: an endpoint's DNS name, a private DNS name of an endpoint in the VPC, or an address.";
        }
        hops.Add(new Hop(HopComponent.Dns, vpc.Id, true, $"{destination} is {resolved.Address}: {resolved.How}"));
        return null;
    }
}
