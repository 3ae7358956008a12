namespace LocalVpc.Core.Commands.PrefixLists;

/// <summary>DeleteManagedPrefixList: refused while a security group rule or a route refers to the list.</summary>
public sealed record DeleteManagedPrefixList(string? PrefixListId) : ICommand<ManagedPrefixList>
{
    public Decision<ManagedPrefixList> Decide(AccountState state, CommandContext context)
    {
        if (PrefixListId is null) return Ec2Errors.MissingParameter("PrefixListId");
        if (ResourceKinds.ManagedPrefixList.Find(state, PrefixListId, out var list) is { } error) return error;
        var used = state.SecurityGroups.Values.Any(g => g.Rules.Any(r => r.Peer.PrefixListId == list.Id)) ||
                   state.RouteTables.Values.Any(t => t.Routes.Any(r => r.DestinationPrefixListId == list.Id));
        if (used) return new AwsError("DependencyViolation", $"The prefix list {list.Id} is referenced by a security group rule or a route.");
        return Decision.Of(list with { State = "delete-complete" }, new ResourceRemoved(list.Id));
    }
}
