namespace LocalVpc.Analysis.Rules;

/// <summary>
/// 6b. What the destination interface is: a running instance, an endpoint (with its state and, for a provider's service,
/// the provider's load balancer), a load balancer, or an interface nothing serves.
/// </summary>
internal static class DestinationRule
{
    public static Verdict Check(AccountState state, RegionSnapshot region, Flow flow, NetworkPolicy policy, NetworkInterface target, string address,
        List<Hop> hops)
    {
        if (target.Attachment?.InstanceId is { } instanceId)
        {
            var instance = state.Instances[instanceId];
            if (!instance.IsRunning)
            {
                hops.Add(new Hop(HopComponent.Destination, instance.Id, false, $"{instance.Id} is {instance.State}", Explanations.BadState));
                return Verdict.Blocked(address, hops, $"Start {instance.Id}.");
            }
            hops.Add(new Hop(HopComponent.Destination, instance.Id, true, $"instance {instance.Id}"));
            return Verdict.Reached(address, hops, new InstanceTerminus(state.Scope.Account, instance.Id, flow.Port));
        }
        var endpoint = state.VpcEndpoints.Values.FirstOrDefault(e => e.NetworkInterfaceIds.Contains(target.Id));
        if (endpoint is null)
        {
            var balancer = state.LoadBalancers.Values.FirstOrDefault(l => l.NetworkInterfaceIds.Contains(target.Id));
            if (balancer is not null) return LoadBalancerRule.Check(state, balancer, flow, policy.TargetHealth, address, hops);
            hops.Add(new Hop(HopComponent.Destination, target.Id, true, $"network interface {target.Id}"));
            return Verdict.Reached(address, hops, new InterfaceTerminus(target.Id));
        }
        if (EndpointStateRule.Check(endpoint, policy.Now, hops) is { } fix) return Verdict.Blocked(address, hops, fix);
        if (!EndpointServiceDirectory.IsProviderService(endpoint.ServiceName))
            return Verdict.Reached(address, hops, new ServiceTerminus(endpoint.ServiceName, endpoint.Id));

        // The provider side: the service's load balancer must listen on the port and forward to a target.
        if (EndpointServiceDirectory.Provider(region, endpoint.ServiceName) is not var (configuration, provider))
        {
            hops.Add(new Hop(HopComponent.VpcEndpointService, endpoint.ServiceName, false, "the service no longer exists", Explanations.BadState));
            return Verdict.Blocked(address, hops, "The provider deleted the service; connect to another one.");
        }
        hops.Add(new Hop(HopComponent.VpcEndpointService, configuration.Id, true, $"service of {configuration.OwnerId}"));
        var balancers = configuration.NetworkLoadBalancerArns.Select(a => provider.LoadBalancers.GetValueOrDefault(a)).OfType<LoadBalancer>();
        return balancers.Select(b => LoadBalancerRule.Check(provider, b, flow, policy.TargetHealth, address, [.. hops])).OrderByDescending(v => v.Reachable).FirstOrDefault()
            ?? Verdict.Blocked(address, hops, "The service has no load balancer left.");
    }
}
