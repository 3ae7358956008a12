namespace LocalVpc.Ec2Api.Actions;

/// <summary>DescribeNetworkAcls. The rest of the network ACL API comes with the routing issue.</summary>
public static class NetworkAcls
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkAcls.html.</summary>
    public static readonly FilterTable<NetworkAcl> Filters = new(new()
    {
        ["association.association-id"] = (a, state) => state.AssociationsOf(a).Select(x => x.Id),
        ["association.network-acl-id"] = (a, state) => state.AssociationsOf(a).Select(_ => a.Id),
        ["association.subnet-id"] = (a, state) => state.AssociationsOf(a).Select(x => x.SubnetId),
        ["default"] = (a, _) => [Binding.Text(a.IsDefault)],
        ["entry.cidr"] = (a, _) => a.Entries.Select(e => e.CidrBlock),
        ["entry.egress"] = (a, _) => a.Entries.Select(e => Binding.Text(e.Egress)),
        ["entry.port-range.from"] = (a, _) => a.Entries.Select(e => e.FromPort?.ToString()),
        ["entry.port-range.to"] = (a, _) => a.Entries.Select(e => e.ToPort?.ToString()),
        ["entry.protocol"] = (a, _) => a.Entries.Select(e => e.Protocol),
        ["entry.rule-action"] = (a, _) => a.Entries.Select(e => e.RuleAction),
        ["entry.rule-number"] = (a, _) => a.Entries.Select(e => e.RuleNumber.ToString()),
        ["network-acl-id"] = (a, _) => [a.Id],
        ["owner-id"] = (a, _) => [a.OwnerId],
        ["vpc-id"] = (a, _) => [a.VpcId],
    }, a => a.Id);

    public static async Task<Ec2Reply> Describe(Ec2Call call)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, state.NetworkAcls.Values, a => a.Id, "NetworkAclIds", (string id, out NetworkAcl a) => Lookup.NetworkAcl(state, id, out a), Filters,
                out var page, out var next) is { } error) return error;
        return Ec2Reply.Ok(w =>
        {
            w.List("networkAclSet", page, (w, a) => NetworkAclXml.NetworkAcl(w, a, state));
            w.Element("nextToken", next);
        });
    }
}
