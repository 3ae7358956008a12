namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>CreateListener: one protocol and port per load balancer, forwarding to a target group of its VPC.</summary>
public sealed record CreateListener(string LoadBalancerArn, string? Protocol, int? Port, string? ActionType, string? TargetGroupArn,
    ImmutableArray<KeyValuePair<string, string>> Tags) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (!state.LoadBalancers.TryGetValue(LoadBalancerArn, out var balancer)) return ElbErrors.LoadBalancerNotFound(LoadBalancerArn);
        if (Protocol is null || Port is null) return ElbErrors.Validation("A listener of a network load balancer needs a protocol and a port");
        if (ListenerRules.Check(state, balancer, Protocol, Port.Value, ActionType, TargetGroupArn, listenerArn: null, out var group) is { } error)
            return error;

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
