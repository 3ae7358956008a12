using LocalVpc.Core.Commands.SecurityGroups;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>Security groups and their rules.</summary>
public static class SecurityGroups
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html.</summary>
    public static readonly FilterTable<SecurityGroup> Filters = new(WithPermissionFilters(new()
    {
        ["description"] = (g, _) => [g.Description],
        ["group-id"] = (g, _) => [g.Id],
        ["group-name"] = (g, _) => [g.Name],
        ["owner-id"] = (g, _) => [g.OwnerId],
        ["vpc-id"] = (g, _) => [g.VpcId],
    }), g => g.Id);

    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroupRules.html.</summary>
    public static readonly FilterTable<(SecurityGroupRule Rule, SecurityGroup Group)> RuleFilters = new(new()
    {
        ["group-id"] = (r, _) => [r.Group.Id],
        ["security-group-rule-id"] = (r, _) => [r.Rule.Id],
    }, r => r.Rule.Id);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new CreateSecurityGroup(input.String("GroupName"), input.String("Description"),
            input.String("VpcId"), Binding.TagSpecifications(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        var group = state.SecurityGroups[outcome.Value!];
        return ApiReply.Ok(w =>
        {
            w.Element("groupId", group.Id);
            TagXml.TagSet(w, state.TagsOf(group.Id));
            w.Element("securityGroupArn", group.Arn(state.Scope.Region));
        });
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        IEnumerable<SecurityGroup> groups = state.SecurityGroups.Values;
        var names = call.Input.Strings("GroupNames");
        if (!names.IsEmpty)
        {
            // Names are looked up in the default VPC, as for EC2-Classic; each must exist.
            var inDefault = state.DefaultVpc is { } vpc ? state.SecurityGroupsOf(vpc.Id).ToList() : [];
            var missing = names.FirstOrDefault(n => inDefault.All(g => g.Name != n));
            if (missing is not null) return Ec2Errors.GroupNameNotFound(missing, state.DefaultVpc?.Id);
            groups = inDefault.Where(g => names.Contains(g.Name));
        }
        if (Query.Run(call, state, groups, g => g.Id, "GroupIds", (string id, out SecurityGroup g) => ResourceKinds.SecurityGroup.Find(state, id, out g), Filters,
                out var page, out var next) is { } error) return error;
        return ApiReply.Ok(w =>
        {
            w.List("securityGroupInfo", page, (w, g) => SecurityGroupXml.SecurityGroup(w, g, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteSecurityGroup(call.Input.String("GroupId"), call.Input.String("GroupName")));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w =>
        {
            w.Element("return", true);
            w.Element("groupId", outcome.Value);
        });
    }

    public static Task<ApiReply> AuthorizeIngress(ApiCall call) => Authorize(call, isEgress: false);

    public static Task<ApiReply> AuthorizeEgress(ApiCall call) => Authorize(call, isEgress: true);

    public static Task<ApiReply> RevokeIngress(ApiCall call) => Revoke(call, isEgress: false);

    public static Task<ApiReply> RevokeEgress(ApiCall call) => Revoke(call, isEgress: true);

    public static async Task<ApiReply> DescribeRules(ApiCall call)
    {
        var state = await call.ReadAsync();
        var all = state.SecurityGroups.Values.SelectMany(g => g.Rules.Select(r => (Rule: r, Group: g)))
            .OrderBy(r => r.Rule.Id, StringComparer.Ordinal);
        if (Query.Run(call, state, all, r => r.Rule.Id, "SecurityGroupRuleIds", (string id, out (SecurityGroupRule Rule, SecurityGroup Group) r) => { var e = Lookup.SecurityGroupRule(state, id, out var rule, out var group); r = (rule, group); return e; }, RuleFilters,
                out var page, out var next) is { } error) return error;
        return ApiReply.Ok(w =>
        {
            w.List("securityGroupRuleSet", page, (w, r) => SecurityGroupXml.Rule(w, r.Rule, r.Group, state));
            w.Element("nextToken", next);
        });
    }

    private static async Task<ApiReply> Authorize(ApiCall call, bool isEgress)
    {
        var input = call.Input;
        var rules = Binding.RuleSpecs(input, await call.ReadAsync());
        var outcome = await call.ExecuteAsync(new AuthorizeSecurityGroupRules(input.String("GroupId"), input.String("GroupName"),
            isEgress, rules, Binding.TagSpecifications(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        var (groupId, added) = outcome.Value;
        var group = state.SecurityGroups[groupId];
        return ApiReply.Ok(w =>
        {
            w.Element("return", true);
            w.List("securityGroupRuleSet", added, (w, r) => SecurityGroupXml.Rule(w, r, group, state));
        });
    }

    private static async Task<ApiReply> Revoke(ApiCall call, bool isEgress)
    {
        var input = call.Input;
        var before = await call.ReadAsync();
        var outcome = await call.ExecuteAsync(new RevokeSecurityGroupRules(input.String("GroupId"), input.String("GroupName"),
            isEgress, Binding.RuleSpecs(input, before), input.Strings("SecurityGroupRuleIds")));
        if (outcome.Failed) return outcome.Error!;
        var result = outcome.Value!;
        var group = result.Group;
        return ApiReply.Ok(w =>
        {
            w.Element("return", true);
            if (!result.Unknown.IsEmpty) w.List("unknownIpPermissionSet", result.Unknown, SecurityGroupXml.UnknownPermission);
            w.List("revokedSecurityGroupRuleSet", result.Revoked, (w, r) => SecurityGroupXml.RevokedRule(w, r, group));
        });
    }

    /// <summary>The ip-permission.* and egress.ip-permission.* filters, which look into a group's rules.</summary>
    private static Dictionary<string, Func<SecurityGroup, AccountState, IEnumerable<string?>>> WithPermissionFilters(
        Dictionary<string, Func<SecurityGroup, AccountState, IEnumerable<string?>>> filters)
    {
        foreach (var (prefix, egress) in new[] { ("ip-permission.", false), ("egress.ip-permission.", true) })
        {
            IEnumerable<SecurityGroupRule> Rules(SecurityGroup g) => g.Rules.Where(r => r.IsEgress == egress);
            filters[prefix + "cidr"] = (g, _) => Rules(g).Select(r => r.Peer.CidrIpv4);
            filters[prefix + "from-port"] = (g, _) => Rules(g).Select(r => r.FromPort?.ToString());
            filters[prefix + "to-port"] = (g, _) => Rules(g).Select(r => r.ToPort?.ToString());
            filters[prefix + "group-id"] = (g, _) => Rules(g).Select(r => r.Peer.GroupId);
            filters[prefix + "group-name"] = (g, state) => Rules(g).Select(r =>
                r.Peer.GroupId is { } id ? state.SecurityGroups.GetValueOrDefault(id)?.Name : null);
            filters[prefix + "ipv6-cidr"] = (g, _) => Rules(g).Select(r => r.Peer.CidrIpv6);
            filters[prefix + "prefix-list-id"] = (g, _) => Rules(g).Select(r => r.Peer.PrefixListId);
            filters[prefix + "protocol"] = (g, _) => Rules(g).Select(r => r.IpProtocol);
            filters[prefix + "user-id"] = (g, _) => Rules(g).Select(r => r.Peer.GroupOwnerId);
        }
        return filters;
    }
}
