namespace LocalVpc.Core.Commands.NetworkAcls;

/// <summary>
/// CreateNetworkAclEntry (<see cref="Replace"/> false) and ReplaceNetworkAclEntry (true). Entries are unique
/// by rule number and direction.
/// </summary>
public sealed record PutNetworkAclEntry(string NetworkAclId, NetworkAclEntrySpec Entry, bool Replace) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.NetworkAcl.Find(state, NetworkAclId, out var acl) is { } error) return error;
        if (NetworkAclEntryRules.ToEntry(Entry, out var entry) is { } invalid) return invalid;
        var existing = acl.Entries.FirstOrDefault(e => e.RuleNumber == entry.RuleNumber && e.Egress == entry.Egress);
        if (Replace && existing is null) return Ec2Errors.NetworkAclEntryNotFound(entry.RuleNumber, entry.Egress, acl.Id);
        if (!Replace && existing is not null) return Ec2Errors.NetworkAclEntryAlreadyExists(entry.RuleNumber);
        var entries = existing is null ? acl.Entries.Add(entry) : acl.Entries.Replace(existing, entry);
        return Decision.Of(true, new ResourcePut(acl with { Entries = [.. entries.OrderBy(e => e.RuleNumber)] }));
    }
}
