namespace LocalVpc.Ec2Api.Actions;

/// <summary>Binds request parts that several actions share into Core's types.</summary>
public static class Binding
{
    /// <summary><c>TagSpecification.N.ResourceType</c> / <c>.Tag.M.Key</c> / <c>.Value</c>.</summary>
    public static ImmutableArray<TagSpecification> TagSpecifications(Input input) =>
        [.. input.Structs("TagSpecifications").Select(s => new TagSpecification(s.String("ResourceType"), Tags(s)))];

    /// <summary>A list of <c>InstanceIpv6Address</c> (<c>….N.Ipv6Address</c>), as CreateNetworkInterface and RunInstances take them.</summary>
    public static ImmutableArray<string> Ipv6Addresses(Input input, string member) =>
        [.. input.Structs(member).Select(a => a.String("Ipv6Address")).OfType<string>()];

    /// <summary><c>Tag.N.Key</c> / <c>Tag.N.Value</c>; a missing value is the empty string, as EC2 stores it.</summary>
    public static ImmutableArray<KeyValuePair<string, string>> Tags(Input input) =>
        [.. input.Structs("Tags").Select(t => KeyValuePair.Create(t.String("Key") ?? "", t.String("Value") ?? ""))];

    /// <summary>
    /// The rules of an Authorize or Revoke call: each IpPermission split into one spec per peer, plus the
    /// legacy flat form (<c>IpProtocol</c>, <c>FromPort</c>, <c>ToPort</c>, <c>CidrIp</c>, <c>SourceSecurityGroupName</c>).
    /// </summary>
    public static ImmutableArray<RuleSpec> RuleSpecs(Input input, AccountState state)
    {
        var specs = ImmutableArray.CreateBuilder<RuleSpec>();
        foreach (var p in input.Structs("IpPermissions"))
        {
            var (protocol, from, to) = (p.String("IpProtocol"), p.Int("FromPort"), p.Int("ToPort"));
            foreach (var r in p.Structs("IpRanges"))
                specs.Add(new RuleSpec(protocol, from, to, new RulePeer(CidrIpv4: r.String("CidrIp") ?? ""), r.String("Description")));
            foreach (var r in p.Structs("Ipv6Ranges"))
                specs.Add(new RuleSpec(protocol, from, to, new RulePeer(CidrIpv6: r.String("CidrIpv6") ?? ""), r.String("Description")));
            foreach (var r in p.Structs("PrefixListIds"))
                specs.Add(new RuleSpec(protocol, from, to, new RulePeer(PrefixListId: r.String("PrefixListId") ?? ""), r.String("Description")));
            foreach (var g in p.Structs("UserIdGroupPairs"))
                specs.Add(new RuleSpec(protocol, from, to, GroupPeer(g.String("GroupId"), g.String("GroupName"), g.String("UserId"), state), g.String("Description")));
        }
        var flatProtocol = input.String("IpProtocol");
        if (input.String("CidrIp") is { } cidr)
            specs.Add(new RuleSpec(flatProtocol ?? "-1", input.Int("FromPort"), input.Int("ToPort"), RulePeer.Ipv4(cidr), null));
        if (input.String("SourceSecurityGroupName") is { } sourceName)
            specs.Add(new RuleSpec(flatProtocol ?? "-1", input.Int("FromPort"), input.Int("ToPort"),
                GroupPeer(null, sourceName, input.String("SourceSecurityGroupOwnerId"), state), null));
        return specs.ToImmutable();
    }

    /// <summary>A group peer by id, or by name in the default VPC; an unknown name becomes an id that is reported as not found.</summary>
    private static RulePeer GroupPeer(string? groupId, string? groupName, string? userId, AccountState state)
    {
        if (groupId is null && groupName is not null && state.DefaultVpc is { } vpc)
            groupId = state.SecurityGroupsOf(vpc.Id).FirstOrDefault(g => g.Name == groupName)?.Id ?? groupName;
        return RulePeer.Group(groupId ?? "", userId ?? state.Scope.Account);
    }

    /// <summary>Values for filters over booleans.</summary>
    public static string Text(bool value) => value ? "true" : "false";
}
