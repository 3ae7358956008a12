namespace LocalVpc.Analysis.Rules;

/// <summary>8. A network load balancer: a listener for the protocol and port, and a healthy target in its group (the first; no balancing yet).</summary>
internal static class LoadBalancerRule
{
    public static Verdict Check(AccountState provider, LoadBalancer balancer, Flow flow, string address, List<Hop> hops)
    {
        var listener = provider.Listeners.Values.FirstOrDefault(l => l.LoadBalancerArn == balancer.Arn && l.Port == flow.Port &&
            (l.Protocol == "TCP_UDP" || l.Protocol.ToLowerInvariant() == flow.Protocol || (l.Protocol == "TLS" && flow.Protocol == "tcp")));
        if (listener is null)
        {
            hops.Add(new Hop(HopComponent.LoadBalancerListener, balancer.Arn, false, $"{balancer.Name} has no listener for {flow.Protocol}/{flow.Port}", Explanations.ListenersMismatch));
            return Verdict.Blocked(address, hops, $"Add a {flow.Protocol.ToUpperInvariant()} listener on port {flow.Port} to {balancer.Name}.");
        }
        hops.Add(new Hop(HopComponent.LoadBalancerListener, listener.Arn, true, $"{listener.Protocol}/{listener.Port}"));
        var group = provider.TargetGroups[listener.TargetGroupArn];
        var healthy = group.Targets.FirstOrDefault(t => group.TargetType != "instance" ||
            (provider.Instances.TryGetValue(t.Id, out var instance) && instance.IsRunning));
        if (healthy is null)
        {
            hops.Add(new Hop(HopComponent.TargetGroup, group.Arn, false, $"{group.Name} has no healthy target", Explanations.ListenerHasNoTargetGroup));
            return Verdict.Blocked(address, hops, $"Register a running target in {group.Name}.");
        }
        hops.Add(new Hop(HopComponent.TargetGroup, group.Arn, true, $"{group.Name} forwards to {healthy.Id}:{healthy.Port}"));
        // An ip target that is an instance's address is that instance; any other is the address itself.
        var targetInstance = group.TargetType == "instance" ? healthy.Id
            : provider.NetworkInterfaces.Values.FirstOrDefault(n => n.VpcId == group.VpcId && n.PrivateIpAddresses.Contains(healthy.Id))?.Attachment?.InstanceId;
        return Verdict.Reached(address, hops, targetInstance is null
            ? new AddressTerminus(healthy.Id, healthy.Port)
            : new InstanceTerminus(provider.Scope.Account, targetInstance, healthy.Port));
    }
}
