namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>ModifyTargetGroup: the group's health check.</summary>
public sealed record ModifyTargetGroup(string TargetGroupArn, HealthCheckSpec HealthCheck) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (!state.TargetGroups.TryGetValue(TargetGroupArn, out var group)) return ElbErrors.TargetGroupNotFound(TargetGroupArn);
        if (HealthCheck.Apply(group.Health, out var health) is { } error) return error;
        return Decision.Of(group.Arn, new ResourcePut(group with { HealthCheck = health }));
    }
}
