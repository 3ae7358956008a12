namespace LocalVpc.Analysis.Rules;

/// <summary>1. The source: a network interface, or a running instance's primary interface.</summary>
internal static class SourceRule
{
    public static string? Check(AccountState state, string id, List<Hop> hops, out NetworkInterface source)
    {
        source = null!;
        if (state.Instances.TryGetValue(id, out var instance))
        {
            if (!instance.IsRunning)
            {
                hops.Add(new Hop(HopComponent.Source, instance.Id, false, $"{instance.Id} is {instance.State}", Explanations.BadState));
                return $"Start {instance.Id}.";
            }
            id = instance.PrimaryNetworkInterfaceId;
        }
        if (!state.NetworkInterfaces.TryGetValue(id, out source!))
        {
            hops.Add(new Hop(HopComponent.Source, id, false, $"{id} is neither an instance nor a network interface here", Explanations.NoSourceOrDestination));
            return "Name a running instance (i-…) or a network interface (eni-…) of this account and region.";
        }
        hops.Add(new Hop(HopComponent.Source, source.Id, true, $"{source.Id} ({string.Join(", ", new[] { source.PrivateIpAddress, source.Ipv6Address }.OfType<string>())}) in {source.SubnetId}"));
        return null;
    }
}
