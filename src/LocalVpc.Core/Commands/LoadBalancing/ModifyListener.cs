namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>ModifyListener: a new protocol, port or default action; what is not given stays, and the result must be a listener CreateListener would make.</summary>
public sealed record ModifyListener(string ListenerArn, string? Protocol, int? Port, string? ActionType, string? TargetGroupArn) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (!state.Listeners.TryGetValue(ListenerArn, out var listener)) return ElbErrors.ListenerNotFound(ListenerArn);
        var balancer = state.LoadBalancers[listener.LoadBalancerArn];
        // What the request leaves out stays as it is; the result is checked as a new listener would be.
        var protocol = Protocol ?? listener.Protocol;
        var port = Port ?? listener.Port;
        var (actionType, groupArn) = ActionType is null && TargetGroupArn is null ? ("forward", listener.TargetGroupArn) : (ActionType, TargetGroupArn);
        if (ListenerRules.Check(state, balancer, protocol, port, actionType, groupArn, listener.Arn, out var group) is { } error) return error;
        return Decision.Of(listener.Arn, new ResourcePut(listener with { Protocol = protocol, Port = port, TargetGroupArn = group.Arn }));
    }
}
