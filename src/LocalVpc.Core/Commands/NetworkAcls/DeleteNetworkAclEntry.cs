namespace LocalVpc.Core.Commands.NetworkAcls;

/// <summary>DeleteNetworkAclEntry: any numbered entry; the final * rules stay.</summary>
public sealed record DeleteNetworkAclEntry(string NetworkAclId, int RuleNumber, bool Egress) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.NetworkAcl.Find(state, NetworkAclId, out var acl) is { } error) return error;
        var entry = acl.Entries.FirstOrDefault(e => e.RuleNumber == RuleNumber && e.Egress == Egress);
        if (entry is null || entry.IsFinal)
            return Ec2Errors.NetworkAclEntryNotFound(RuleNumber, Egress, acl.Id);
        return Decision.Of(true, new ResourcePut(acl with { Entries = acl.Entries.Remove(entry) }));
    }
}
