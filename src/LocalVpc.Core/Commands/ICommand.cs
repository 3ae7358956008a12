namespace LocalVpc.Core.Commands;

/// <summary>
/// A request to change a region. <see cref="Decide"/> checks it against the current state and
/// yields an AWS error or events; it never changes anything itself, so it can run for DryRun too.
/// </summary>
public interface ICommand<T>
{
    Decision<T> Decide(AccountState state, CommandContext context);
}
