using LocalVpc.Core.Commands.EgressOnlyInternetGateways;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>Egress-only internet gateways: create, describe, delete.</summary>
public static class EgressOnlyInternetGateways
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeEgressOnlyInternetGateways.html: the tag filters only.</summary>
    public static readonly FilterTable<EgressOnlyInternetGateway> Filters = new(new(), g => g.Id);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new CreateEgressOnlyInternetGateway(call.Input.String("VpcId"), Binding.TagSpecifications(call.Input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w =>
        {
            w.Element("clientToken", call.Input.String("ClientToken"));
            w.Structure("egressOnlyInternetGateway", w =>
                Gateway(w, state.Table(ResourceKinds.EgressOnlyInternetGateway)[outcome.Value!], state));
        });
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Paging.CheckMaxResults(call.Input.Int("MaxResults"), 5, 255) is { } invalid) return invalid;
        var gateways = state.Table(ResourceKinds.EgressOnlyInternetGateway);
        if (Query.Run(call, state, gateways.Values, g => g.Id, "EgressOnlyInternetGatewayIds",
                (string id, out EgressOnlyInternetGateway g) => ResourceKinds.EgressOnlyInternetGateway.Find(state, id, out g), Filters,
                out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("egressOnlyInternetGatewaySet", page, (w, g) => Gateway(w, g, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteEgressOnlyInternetGateway(call.Input.String("EgressOnlyInternetGatewayId")));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(w => w.Element("returnCode", true));
    }

    private static void Gateway(XmlWriter w, EgressOnlyInternetGateway gateway, AccountState state)
    {
        w.Element("egressOnlyInternetGatewayId", gateway.Id);
        w.List("attachmentSet", [gateway], (w, g) =>
        {
            w.Element("state", g.AttachmentState);
            w.Element("vpcId", g.VpcId);
        });
        TagXml.TagSet(w, state.TagsOf(gateway.Id));
    }
}
