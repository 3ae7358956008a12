namespace LocalVpc.Analysis.Rules;

/// <summary>
/// 8. A network load balancer: a listener for the protocol and port, and a target in its group: the first healthy one, or,
/// when none is healthy, the first of them all, for an NLB fails open and sends to every target then (no balancing yet).
/// </summary>
public static class LoadBalancerRule
{
    internal static Verdict Check(AccountState provider, LoadBalancer balancer, Flow flow, ITargetHealth health, string address, List<Hop> hops)
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
        var live = group.Targets.Where(t => group.TargetType != "instance" ||
            (provider.Instances.TryGetValue(t.Id, out var instance) && instance.IsRunning)).ToList();
        if (live.Count == 0)
        {
            hops.Add(new Hop(HopComponent.TargetGroup, group.Arn, false, $"{group.Name} has no healthy target", Explanations.ListenerHasNoTargetGroup));
            return Verdict.Blocked(address, hops, $"Register a running target in {group.Name}.");
        }
        var passing = live.FirstOrDefault(t => health.Of(group.Arn, t) == TargetHealthState.Healthy);
        var healthy = passing ?? live[0];
        hops.Add(new Hop(HopComponent.TargetGroup, group.Arn, true, passing is not null
            ? $"{group.Name} forwards to {healthy.Id}:{healthy.Port}"
            : $"{group.Name} has no target its health checks pass, so it fails open to {healthy.Id}:{healthy.Port}"));
        return Verdict.Reached(address, hops, TerminusOf(provider, group, healthy, healthy.Port));
    }

    /// <summary>
    /// What serves a target on a port: an ip target that is an instance's address is that instance, any other the address
    /// itself. The health checks dial the same thing the traffic does.
    /// </summary>
    public static Terminus TerminusOf(AccountState provider, TargetGroup group, LoadBalancerTarget target, int port)
    {
        var instance = group.TargetType == "instance" ? target.Id
            : provider.NetworkInterfaces.Values.FirstOrDefault(n => n.VpcId == group.VpcId && n.PrivateIpAddresses.Contains(target.Id))?.Attachment?.InstanceId;
        return instance is null ? new AddressTerminus(target.Id, port) : new InstanceTerminus(provider.Scope.Account, instance, port);
    }
}
