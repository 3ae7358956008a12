namespace LocalVpc.Core.Commands.NetworkAcls;

/// <summary>CreateNetworkAcl: a new ACL denies everything (only the final * rules, IPv6 too in a VPC with IPv6) until entries are added.</summary>
public sealed record CreateNetworkAcl(string VpcId, ImmutableArray<TagSpecification> TagSpecifications) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } error) return error;
        var acl = new NetworkAcl(context.Ids.Next(IdPrefix.NetworkAcl), vpc.Id, state.Scope.Account, IsDefault: false,
            [
                new NetworkAclEntry(NetworkAclEntry.FinalRule, "-1", "deny", Egress: true, VpcLayout.AnyIpv4),
                new NetworkAclEntry(NetworkAclEntry.FinalRule, "-1", "deny", Egress: false, VpcLayout.AnyIpv4),
            ]);
        if (vpc.HasIpv6) acl = VpcLayout.WithIpv6Defaults(acl);
        if (TagRules.ForNewResource(TagSpecifications, "network-acl", acl.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(acl)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(acl.Id, events);
    }
}
