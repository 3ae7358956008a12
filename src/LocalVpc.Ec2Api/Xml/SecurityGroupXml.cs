namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes <c>SecurityGroup</c>, its <c>IpPermission</c> groups, and the per-rule <c>SecurityGroupRule</c> shapes.</summary>
public static class SecurityGroupXml
{
    private static readonly XmlFragmentCache<SecurityGroup> Cache = new();

    /// <summary>A group with its rules, which are part of its record: from the fragment cache once written.</summary>
    public static void SecurityGroup(XmlWriter w, SecurityGroup group, AccountState state) =>
        Cache.Write(w, group, state.TagsOf(group.Id), w => Write(w, group, state));

    private static void Write(XmlWriter w, SecurityGroup group, AccountState state)
    {
        w.Element("ownerId", group.OwnerId);
        w.Element("groupId", group.Id);
        w.Element("groupName", group.Name);
        w.Element("groupDescription", group.Description);
        w.Element("vpcId", group.VpcId);
        w.Element("securityGroupArn", group.Arn(state.Scope.Region));
        w.List("ipPermissions", Permissions(group.Ingress), IpPermission);
        w.List("ipPermissionsEgress", Permissions(group.Egress), IpPermission);
        TagXml.TagSet(w, state.TagsOf(group.Id));
    }

    /// <summary>
    /// Rules grouped as the API's IpPermissions: one permission per protocol and port range, with every
    /// peer of those rules in it, in the order the rules were added.
    /// </summary>
    public static IEnumerable<IGrouping<(string, int?, int?), SecurityGroupRule>> Permissions(IEnumerable<SecurityGroupRule> rules) =>
        rules.GroupBy(r => (r.IpProtocol, r.FromPort, r.ToPort));

    public static void IpPermission(XmlWriter w, IGrouping<(string Protocol, int? From, int? To), SecurityGroupRule> permission)
    {
        w.Element("ipProtocol", permission.Key.Protocol);
        w.Element("fromPort", permission.Key.From);
        w.Element("toPort", permission.Key.To);
        w.List("groups", permission.Where(r => r.Peer.GroupId is not null), (w, r) =>
        {
            w.Element("description", r.Description);
            w.Element("groupId", r.Peer.GroupId);
            w.Element("userId", r.Peer.GroupOwnerId);
        });
        w.List("ipRanges", permission.Where(r => r.Peer.CidrIpv4 is not null), (w, r) =>
        {
            w.Element("cidrIp", r.Peer.CidrIpv4);
            w.Element("description", r.Description);
        });
        w.List("ipv6Ranges", permission.Where(r => r.Peer.CidrIpv6 is not null), (w, r) =>
        {
            w.Element("cidrIpv6", r.Peer.CidrIpv6);
            w.Element("description", r.Description);
        });
        w.List("prefixListIds", permission.Where(r => r.Peer.PrefixListId is not null), (w, r) =>
        {
            w.Element("description", r.Description);
            w.Element("prefixListId", r.Peer.PrefixListId);
        });
    }

    /// <summary>The <c>SecurityGroupRule</c> shape. Protocols without ports show -1, as EC2 does here.</summary>
    public static void Rule(XmlWriter w, SecurityGroupRule rule, SecurityGroup group, AccountState state)
    {
        w.Element("securityGroupRuleId", rule.Id);
        w.Element("groupId", group.Id);
        w.Element("groupOwnerId", group.OwnerId);
        w.Element("isEgress", rule.IsEgress);
        w.Element("ipProtocol", rule.IpProtocol);
        w.Element("fromPort", rule.FromPort ?? -1);
        w.Element("toPort", rule.ToPort ?? -1);
        w.Element("cidrIpv4", rule.Peer.CidrIpv4);
        w.Element("cidrIpv6", rule.Peer.CidrIpv6);
        w.Element("prefixListId", rule.Peer.PrefixListId);
        if (rule.Peer.GroupId is not null)
            w.Structure("referencedGroupInfo", w =>
            {
                w.Element("groupId", rule.Peer.GroupId);
                w.Element("userId", rule.Peer.GroupOwnerId);
            });
        w.Element("description", rule.Description);
        w.Element("securityGroupRuleArn", $"arn:aws:ec2:{state.Scope.Region}:{group.OwnerId}:security-group-rule/{rule.Id}");
        TagXml.TagSet(w, state.TagsOf(rule.Id));
    }

    /// <summary>The <c>RevokedSecurityGroupRule</c> shape.</summary>
    public static void RevokedRule(XmlWriter w, SecurityGroupRule rule, SecurityGroup group)
    {
        w.Element("securityGroupRuleId", rule.Id);
        w.Element("groupId", group.Id);
        w.Element("isEgress", rule.IsEgress);
        w.Element("ipProtocol", rule.IpProtocol);
        w.Element("fromPort", rule.FromPort ?? -1);
        w.Element("toPort", rule.ToPort ?? -1);
        w.Element("cidrIpv4", rule.Peer.CidrIpv4);
        w.Element("cidrIpv6", rule.Peer.CidrIpv6);
        w.Element("prefixListId", rule.Peer.PrefixListId);
        w.Element("referencedGroupId", rule.Peer.GroupId);
        w.Element("description", rule.Description);
    }

    /// <summary>A permission the caller named that the group does not have, echoed back as an <c>IpPermission</c>.</summary>
    public static void UnknownPermission(XmlWriter w, RuleSpec spec)
    {
        w.Element("ipProtocol", spec.IpProtocol);
        w.Element("fromPort", spec.FromPort);
        w.Element("toPort", spec.ToPort);
        var one = new[] { spec };
        w.List("groups", one.Where(s => s.Peer.GroupId is not null), (w, s) => w.Element("groupId", s.Peer.GroupId));
        w.List("ipRanges", one.Where(s => s.Peer.CidrIpv4 is not null), (w, s) => w.Element("cidrIp", s.Peer.CidrIpv4));
        w.List("ipv6Ranges", one.Where(s => s.Peer.CidrIpv6 is not null), (w, s) => w.Element("cidrIpv6", s.Peer.CidrIpv6));
        w.List("prefixListIds", one.Where(s => s.Peer.PrefixListId is not null), (w, s) => w.Element("prefixListId", s.Peer.PrefixListId));
    }
}
