namespace LocalVpc.Core.Validation;

/// <summary>What a network load balancer's listener must be, as CreateListener and ModifyListener both check it.</summary>
public static class ListenerRules
{
    /// <summary>A TCP-family protocol, a port, free on the balancer, and a forward to a target group of its VPC.</summary>
    /// <param name="listenerArn">The listener being changed, whose own port does not count as taken; null for a new one.</param>
    public static AwsError? Check(AccountState state, LoadBalancer balancer, string protocol, int port, string? actionType, string? targetGroupArn,
        string? listenerArn, out TargetGroup group)
    {
        group = null!;
        if (protocol is not ("TCP" or "UDP" or "TCP_UDP" or "TLS")) return ElbErrors.UnsupportedProtocol(protocol);
        if (port is < 1 or > 65535) return ElbErrors.Validation($"Port {port} is not between 1 and 65535");
        if (actionType != "forward" || targetGroupArn is null)
            return ElbErrors.Validation("LocalVpc serves listeners whose default action forwards to one target group.");
        if (!state.TargetGroups.TryGetValue(targetGroupArn, out group!)) return ElbErrors.TargetGroupNotFound(targetGroupArn);
        if (group.VpcId != balancer.VpcId)
            return ElbErrors.InvalidConfigurationRequest($"The target group '{group.Arn}' is not in the load balancer's VPC");
        if (state.Listeners.Values.Any(l => l.Arn != listenerArn && l.LoadBalancerArn == balancer.Arn && l.Port == port))
            return ElbErrors.DuplicateListener(port);
        return null;
    }
}
