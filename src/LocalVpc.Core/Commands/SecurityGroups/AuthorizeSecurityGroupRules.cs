namespace LocalVpc.Core.Commands.SecurityGroups;

/// <summary>
/// AuthorizeSecurityGroupIngress and AuthorizeSecurityGroupEgress: adds rules, all or none. A rule that
/// exists already, or is given twice, fails the whole call with InvalidPermission.Duplicate.
/// </summary>
public sealed record AuthorizeSecurityGroupRules(string? GroupId, string? GroupName, bool IsEgress,
    ImmutableArray<RuleSpec> Rules, ImmutableArray<TagSpecification> TagSpecifications)
    : ICommand<(string GroupId, ImmutableArray<SecurityGroupRule> Added)>
{
    public Decision<(string GroupId, ImmutableArray<SecurityGroupRule> Added)> Decide(AccountState state, CommandContext context)
    {
        if (Lookup.SecurityGroup(state, GroupId, GroupName, out var group) is { } error) return error;
        if (Rules.IsEmpty) return Ec2Errors.MissingParameter("IpPermissions");

        var added = ImmutableArray.CreateBuilder<SecurityGroupRule>();
        var events = new List<Event>();
        foreach (var spec in Rules)
        {
            if (PermissionRules.ToRule(spec, IsEgress, context.Ids.Next(IdPrefix.SecurityGroupRule), state, out var rule) is { } invalid)
                return invalid;
            if (GroupReferences.Check(state, context.Region, group, rule.Peer) is { } peerError) return peerError;
            if (group.Rules.Concat(added).Any(r => r.SameAs(rule))) return Ec2Errors.PermissionDuplicate(rule.Describe());
            if (TagRules.ForNewResource(TagSpecifications, "security-group-rule", rule.Id, out var tags) is { } tagError)
                return tagError;
            if (tags is not null) events.Add(tags);
            added.Add(rule);
        }
        if (group.Rules.Count(r => r.IsEgress == IsEgress) + added.Count > context.Quotas[ServiceQuotas.RulesPerSecurityGroup])
            return Ec2Errors.RulesLimitExceeded();

        var rules = added.ToImmutable();
        events.Insert(0, new ResourcePut(group with { Rules = group.Rules.AddRange(rules) }));
        return Decision.Of((group.Id, rules), events);
    }
}
