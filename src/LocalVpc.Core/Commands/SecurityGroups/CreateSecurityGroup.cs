namespace LocalVpc.Core.Commands.SecurityGroups;

/// <summary>CreateSecurityGroup: a group with AWS's default allow-all outbound rule and no inbound rules.</summary>
public sealed record CreateSecurityGroup(string? GroupName, string? Description, string? VpcId,
    ImmutableArray<TagSpecification> TagSpecifications) : ICommand<string>
{
    public const int MaxLength = 255;

    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (GroupName is null) return Ec2Errors.MissingParameter("GroupName");
        if (Description is null) return Ec2Errors.MissingParameter("GroupDescription");
        if (GroupName.Length is 0 or > MaxLength)
            return Ec2Errors.InvalidParameterValue("groupName", GroupName);
        if (Description.Length > MaxLength)
            return Ec2Errors.InvalidParameterValue("groupDescription", Description);
        if (GroupName.StartsWith("sg-", StringComparison.OrdinalIgnoreCase))
            return Ec2Errors.InvalidParameterValue("Group names may not be in the format sg-*.");
        if (GroupName == SecurityGroup.DefaultName) return Ec2Errors.GroupReserved(GroupName);
        if (state.SecurityGroups.Count >= context.Quotas[ServiceQuotas.SecurityGroupsPerRegion]) return Ec2Errors.SecurityGroupLimitExceeded();

        Vpc vpc;
        if (VpcId is null)
        {
            if (state.DefaultVpc is not { } defaultVpc) return Ec2Errors.NoDefaultVpc();
            vpc = defaultVpc;
        }
        else if (ResourceKinds.Vpc.Find(state, VpcId, out vpc) is { } error) return error;
        if (state.SecurityGroupsOf(vpc.Id).Any(g => g.Name == GroupName)) return Ec2Errors.GroupDuplicate(GroupName, vpc.Id);

        var group = new SecurityGroup(context.Ids.Next(IdPrefix.SecurityGroup), GroupName, Description, vpc.Id,
            state.Scope.Account,
            [new SecurityGroupRule(context.Ids.Next(IdPrefix.SecurityGroupRule), IsEgress: true, "-1", null, null,
                RulePeer.Ipv4(VpcLayout.AnyIpv4), null)]);
        if (vpc.HasIpv6) group = VpcLayout.WithIpv6Egress(group, context);
        if (TagRules.ForNewResource(TagSpecifications, "security-group", group.Id, out var tags) is { } tagError)
            return tagError;
        List<Event> events = [new ResourcePut(group)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(group.Id, events);
    }
}
