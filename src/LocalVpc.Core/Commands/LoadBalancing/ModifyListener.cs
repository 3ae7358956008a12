namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>ModifyListener: a new protocol, port or default action; what is not given stays, and the result must be a listener CreateListener would make.</summary>
public sealed record ModifyListener(string ListenerArn, string? Protocol, int? Port, string? ActionType, string? TargetGroupArn) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (!state.Listeners.TryGetValue(ListenerArn, out var listener)) return ElbErrors.ListenerNotFound(ListenerArn);
        var balancer = state.LoadBalancers[listener.LoadBalancerArn];
        var protocol = Protocol ?? listener.Protocol;
        var port = Port ?? listener.Port;
        if (protocol is not ("TCP" or "UDP" or "TCP_UDP" or "TLS")) return ElbErrors.UnsupportedProtocol(protocol);
        if (port is < 1 or > 65535) return ElbErrors.Validation($"Port {port} is not between 1 and 65535");
        var groupArn = listener.TargetGroupArn;
        if (ActionType is not null || TargetGroupArn is not null)
        {
            if (ActionType != "forward" || TargetGroupArn is null)
                return ElbErrors.Validation("LocalVpc serves listeners whose default action forwards to one target group.");
            if (!state.TargetGroups.TryGetValue(TargetGroupArn, out var group)) return ElbErrors.TargetGroupNotFound(TargetGroupArn);
            if (group.VpcId != balancer.VpcId)
                return ElbErrors.InvalidConfigurationRequest($"The target group '{group.Arn}' is not in the load balancer's VPC");
            groupArn = group.Arn;
        }
        if (state.Listeners.Values.Any(l => l.Arn != listener.Arn && l.LoadBalancerArn == balancer.Arn && l.Port == port))
            return ElbErrors.DuplicateListener(port);
        return Decision.Of(listener.Arn, new ResourcePut(listener with { Protocol = protocol, Port = port, TargetGroupArn = groupArn }));
    }
}
