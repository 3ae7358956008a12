namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>DeleteLoadBalancer: its listeners and interfaces go with it. Deleting one that does not exist succeeds, as on AWS.</summary>
public sealed record DeleteLoadBalancer(string LoadBalancerArn) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (!state.LoadBalancers.TryGetValue(LoadBalancerArn, out var balancer)) return Decision.Of(true);
        if (state.EndpointServices.Values.FirstOrDefault(s => s.NetworkLoadBalancerArns.Contains(balancer.Arn)) is { } service)
            return ElbErrors.ResourceInUse($"Load balancer '{balancer.Arn}' cannot be deleted because it is currently associated with another service ({service.Id})");
        var events = new List<Event>();
        events.AddRange(state.Listeners.Values.Where(l => l.LoadBalancerArn == balancer.Arn).Select(l => new ResourceRemoved(l.Id)));
        events.AddRange(balancer.NetworkInterfaceIds.Select(eni => new ResourceRemoved(eni)));
        events.Add(new ResourceRemoved(balancer.Id));
        return Decision.Of(true, events);
    }
}
