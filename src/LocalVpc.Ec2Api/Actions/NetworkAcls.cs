using LocalVpc.Core.Commands.NetworkAcls;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>Network ACLs, their entries and their associations.</summary>
public static class NetworkAcls
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkAcls.html.</summary>
    public static readonly FilterTable<NetworkAcl> Filters = new(new()
    {
        ["association.association-id"] = (a, state) => state.AssociationsOf(a).Select(x => x.Id),
        ["association.network-acl-id"] = (a, state) => state.AssociationsOf(a).Select(_ => a.Id),
        ["association.subnet-id"] = (a, state) => state.AssociationsOf(a).Select(x => x.SubnetId),
        ["default"] = (a, _) => [Binding.Text(a.IsDefault)],
        ["entry.cidr"] = (a, _) => a.Entries.Select(e => e.Ipv4CidrBlock),
        ["entry.ipv6-cidr"] = (a, _) => a.Entries.Select(e => e.Ipv6CidrBlock),
        ["entry.egress"] = (a, _) => a.Entries.Select(e => Binding.Text(e.Egress)),
        ["entry.port-range.from"] = (a, _) => a.Entries.Select(e => e.FromPort?.ToString()),
        ["entry.port-range.to"] = (a, _) => a.Entries.Select(e => e.ToPort?.ToString()),
        ["entry.protocol"] = (a, _) => a.Entries.Select(e => e.Protocol),
        ["entry.rule-action"] = (a, _) => a.Entries.Select(e => e.RuleAction),
        ["entry.rule-number"] = (a, _) => a.Entries.Select(e => e.RuleNumber.ToString()),
        ["network-acl-id"] = (a, _) => [a.Id],
        ["owner-id"] = (a, _) => [a.OwnerId],
        ["vpc-id"] = (a, _) => [a.VpcId],
    }, a => a.Id, idFilter: "network-acl-id");

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, state.NetworkAcls.Values, a => a.Id, "NetworkAclIds", (string id, out NetworkAcl a) => ResourceKinds.NetworkAcl.Find(state, id, out a), Filters,
                out var page, out var next) is { } error) return error;
        return ApiReply.Ok(w =>
        {
            w.List("networkAclSet", page, (w, a) => NetworkAclXml.NetworkAcl(w, a, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new CreateNetworkAcl(call.Input.String("VpcId")!, Binding.TagSpecifications(call.Input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("networkAcl", w => NetworkAclXml.NetworkAcl(w, state.NetworkAcls[outcome.Value!], state)));
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteNetworkAcl(call.Input.String("NetworkAclId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static Task<ApiReply> CreateEntry(ApiCall call) => PutEntry(call, replace: false);

    public static Task<ApiReply> ReplaceEntry(ApiCall call) => PutEntry(call, replace: true);

    public static async Task<ApiReply> DeleteEntry(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new DeleteNetworkAclEntry(input.String("NetworkAclId")!, input.Int("RuleNumber")!.Value,
            input.Bool("Egress")!.Value));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> ReplaceAssociation(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new ReplaceNetworkAclAssociation(call.Input.String("AssociationId")!, call.Input.String("NetworkAclId")!));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w => w.Element("newAssociationId", outcome.Value));
    }

    private static async Task<ApiReply> PutEntry(ApiCall call, bool replace)
    {
        var input = call.Input;
        var entry = new NetworkAclEntrySpec(input.Int("RuleNumber")!.Value, input.String("Protocol")!, input.String("RuleAction")!,
            input.Bool("Egress")!.Value, input.String("CidrBlock"), input.String("Ipv6CidrBlock"),
            input.Struct("PortRange")?.Int("From"), input.Struct("PortRange")?.Int("To"),
            input.Struct("IcmpTypeCode")?.Int("Type"), input.Struct("IcmpTypeCode")?.Int("Code"));
        var outcome = await call.ExecuteAsync(new PutNetworkAclEntry(input.String("NetworkAclId")!, entry, replace));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }
}
