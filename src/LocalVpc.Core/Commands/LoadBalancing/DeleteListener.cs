namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>DeleteListener.</summary>
public sealed record DeleteListener(string ListenerArn) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context) =>
        state.Listeners.ContainsKey(ListenerArn)
            ? Decision.Of(true, new ResourceRemoved(ListenerArn))
            : ElbErrors.ListenerNotFound(ListenerArn);
}
