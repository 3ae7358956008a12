using LocalVpc.Core.Commands.DhcpOptionSets;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>DHCP options sets and their association with VPCs.</summary>
public static class DhcpOptionSets
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeDhcpOptions.html.</summary>
    public static readonly FilterTable<DhcpOptions> Filters = new(new()
    {
        ["dhcp-options-id"] = (o, _) => [o.Id],
        ["key"] = (o, _) => o.Configurations.Select(c => c.Key),
        ["value"] = (o, _) => o.Configurations.SelectMany(c => c.Values),
        ["owner-id"] = (o, _) => [o.OwnerId],
    }, o => o.Id);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        ImmutableArray<DhcpConfiguration> configurations =
            [.. input.Structs("DhcpConfigurations").Select(c => new DhcpConfiguration(c.String("Key") ?? "", c.Strings("Values")))];
        var outcome = await call.ExecuteAsync(new CreateDhcpOptions(configurations, Binding.TagSpecifications(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("dhcpOptions", w =>
            DhcpOptionsXml.DhcpOptions(w, state.Table(ResourceKinds.DhcpOptions)[outcome.Value!], state)));
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, state.Table(ResourceKinds.DhcpOptions).Values, o => o.Id, "DhcpOptionsIds",
                (string id, out DhcpOptions o) => ResourceKinds.DhcpOptions.Find(state, id, out o), Filters, out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("dhcpOptionsSet", page, (w, o) => DhcpOptionsXml.DhcpOptions(w, o, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteDhcpOptions(call.Input.String("DhcpOptionsId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { }); // no output shape
    }

    public static async Task<ApiReply> Associate(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new AssociateDhcpOptions(call.Input.String("DhcpOptionsId")!, call.Input.String("VpcId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { }); // no output shape
    }
}
