namespace LocalVpc.Core.Commands.SecurityGroups;

/// <summary>DeleteSecurityGroup: refused for a VPC's default group and for a group another group's rules refer to.</summary>
public sealed record DeleteSecurityGroup(string? GroupId, string? GroupName) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (Lookup.SecurityGroup(state, GroupId, GroupName, out var group) is { } error) return error;
        if (group.IsDefault) return Ec2Errors.CannotDeleteDefaultGroup(group.Id);
        var referenced = state.SecurityGroups.Values.Any(g => g.Id != group.Id && g.Rules.Any(r => r.Peer.GroupId == group.Id));
        if (referenced || state.NetworkInterfaces.Values.Any(n => n.GroupIds.Contains(group.Id))) return Ec2Errors.GroupInUse(group.Id);
        return Decision.Of(group.Id, new ResourceRemoved(group.Id));
    }
}
