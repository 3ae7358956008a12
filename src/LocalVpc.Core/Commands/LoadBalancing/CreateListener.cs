namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>CreateListener: one protocol and port per load balancer, forwarding to a target group of its VPC.</summary>
public sealed record CreateListener(string LoadBalancerArn, string? Protocol, int? Port, string? ActionType, string? TargetGroupArn,
    ImmutableArray<KeyValuePair<string, string>> Tags) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (!state.LoadBalancers.TryGetValue(LoadBalancerArn, out var balancer)) return ElbErrors.LoadBalancerNotFound(LoadBalancerArn);
        if (Protocol is null || Port is null) return ElbErrors.Validation("A listener of a network load balancer needs a protocol and a port");
        if (Protocol is not ("TCP" or "UDP" or "TCP_UDP" or "TLS")) return ElbErrors.UnsupportedProtocol(Protocol);
        if (Port is < 1 or > 65535) return ElbErrors.Validation($"Port {Port} is not between 1 and 65535");
        if (ActionType != "forward" || TargetGroupArn is null)
            return ElbErrors.Validation("LocalVpc serves listeners whose default action forwards to one target group.");
        if (!state.TargetGroups.TryGetValue(TargetGroupArn, out var group)) return ElbErrors.TargetGroupNotFound(TargetGroupArn);
        if (group.VpcId != balancer.VpcId)
            return ElbErrors.InvalidConfigurationRequest($"The target group '{group.Arn}' is not in the load balancer's VPC");
        if (state.Listeners.Values.Any(l => l.LoadBalancerArn == balancer.Arn && l.Port == Port)) return ElbErrors.DuplicateListener(Port.Value);

        var arn = ElbArn.ForListener(balancer.Arn, ElbArn.NewHex(context.Ids));
        List<Event> events = [new ResourcePut(new Listener(arn, balancer.Arn, Protocol, Port.Value, group.Arn))];
        if (!Tags.IsEmpty)
        {
            if (TagRules.Merge(state.TagsOf(arn), Tags, out var tags) is { } tagError) return tagError;
            events.Add(new TagsChanged(arn, tags));
        }
        return Decision.Of(arn, events);
    }
}
