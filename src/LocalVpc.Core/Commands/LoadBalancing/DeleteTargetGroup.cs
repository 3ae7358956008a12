namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>DeleteTargetGroup: refused while a listener forwards to it.</summary>
public sealed record DeleteTargetGroup(string TargetGroupArn) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (!state.TargetGroups.TryGetValue(TargetGroupArn, out var group)) return Decision.Of(true);
        if (state.Listeners.Values.FirstOrDefault(l => l.TargetGroupArn == group.Arn) is { } listener)
            return ElbErrors.ResourceInUse($"Target group '{group.Arn}' is currently in use by a listener or a rule ({listener.Arn})");
        return Decision.Of(true, new ResourceRemoved(group.Id));
    }
}
