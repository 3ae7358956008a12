namespace LocalVpc.Core.Commands.SecurityGroups;

/// <summary>
/// RevokeSecurityGroupIngress and RevokeSecurityGroupEgress, by permission or by rule id. Fails with
/// InvalidPermission.NotFound when none of the given permissions exist; otherwise removes the ones that
/// do and reports the others as unknown.
/// </summary>
public sealed record RevokeSecurityGroupRules(string? GroupId, string? GroupName, bool IsEgress,
    ImmutableArray<RuleSpec> Rules, ImmutableArray<string> RuleIds) : ICommand<RevokeResult>
{
    public Decision<RevokeResult> Decide(AccountState state, CommandContext context)
    {
        if (Lookup.SecurityGroup(state, GroupId, GroupName, out var group) is { } error) return error;
        if (Rules.IsEmpty && RuleIds.IsEmpty) return Ec2Errors.MissingParameter("IpPermissions");

        var revoked = new List<SecurityGroupRule>();
        var unknown = new List<RuleSpec>();
        foreach (var id in RuleIds)
        {
            if (!IdPrefix.IsWellFormed(id, IdPrefix.SecurityGroupRule)) return Ec2Errors.RuleIdMalformed(id);
            var rule = group.Rules.FirstOrDefault(r => r.Id == id && r.IsEgress == IsEgress);
            if (rule is null) return Ec2Errors.RuleNotFound(id);
            revoked.Add(rule);
        }
        foreach (var spec in Rules)
        {
            if (PermissionRules.ToRule(spec, IsEgress, "", state, out var wanted) is { } invalid) return invalid;
            var match = group.Rules.FirstOrDefault(r => r.SameAs(wanted));
            if (match is null) unknown.Add(spec);
            else revoked.Add(match);
        }
        if (revoked.Count == 0) return Ec2Errors.PermissionNotFound();

        var updated = group with { Rules = group.Rules.RemoveAll(r => revoked.Contains(r)) };
        return Decision.Of(new RevokeResult(group, [.. revoked.Distinct()], [.. unknown]), new ResourcePut(updated));
    }
}
