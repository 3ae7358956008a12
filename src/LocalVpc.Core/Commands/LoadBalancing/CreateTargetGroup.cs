namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>CreateTargetGroup for network load balancers: TCP, UDP, TCP_UDP or TLS, instance or ip targets, in one VPC.</summary>
public sealed record CreateTargetGroup(string Name, string? Protocol, int? Port, string? VpcId, string? TargetType,
    ImmutableArray<KeyValuePair<string, string>> Tags, HealthCheckSpec? HealthCheck = null) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (ElbNames.Check(Name, "target group") is { } nameError) return nameError;
        var targetType = TargetType ?? "instance";
        if (targetType is not ("instance" or "ip")) return ElbErrors.Validation($"LocalVpc serves instance and ip target groups, not '{targetType}'.");
        if (Protocol is null || Port is null || VpcId is null)
            return ElbErrors.Validation("A protocol, a port and a VPC ID are required for target groups of type instance or ip");
        if (Protocol is not ("TCP" or "UDP" or "TCP_UDP" or "TLS")) return ElbErrors.UnsupportedProtocol(Protocol);
        if (Port is < 1 or > 65535) return ElbErrors.Validation($"Port {Port} is not between 1 and 65535");
        if (!state.Vpcs.ContainsKey(VpcId)) return ElbErrors.Validation($"The VPC ID '{VpcId}' is not found");
        var health = Resources.HealthCheck.Default;
        if (HealthCheck is not null && HealthCheck.Apply(health, out health) is { } healthError) return healthError;
        if (state.TargetGroups.Values.FirstOrDefault(g => g.Name == Name) is { } existing)
        {
            // AWS returns the existing group when the settings match.
            var same = existing.Protocol == Protocol && existing.Port == Port && existing.VpcId == VpcId && existing.TargetType == targetType;
            return same ? Decision.Of(existing.Arn) : ElbErrors.DuplicateTargetGroupName(Name);
        }
        var arn = ElbArn.ForTargetGroup(state.Scope, Name, ElbArn.NewHex(context.Ids));
        List<Event> events = [new ResourcePut(new TargetGroup(arn, Name, Protocol, Port.Value, VpcId, targetType, [], HealthCheck: health))];
        if (!Tags.IsEmpty)
        {
            if (TagRules.Merge(state.TagsOf(arn), Tags, out var tags) is { } tagError) return tagError;
            events.Add(new TagsChanged(arn, tags));
        }
        return Decision.Of(arn, events);
    }
}
