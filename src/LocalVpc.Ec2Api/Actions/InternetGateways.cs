using LocalVpc.Core.Commands.InternetGateways;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>Internet gateways.</summary>
public static class InternetGateways
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInternetGateways.html.</summary>
    public static readonly FilterTable<InternetGateway> Filters = new(new()
    {
        ["attachment.state"] = (g, _) => g.VpcId is null ? [] : ["available"],
        ["attachment.vpc-id"] = (g, _) => [g.VpcId],
        ["internet-gateway-id"] = (g, _) => [g.Id],
        ["owner-id"] = (g, _) => [g.OwnerId],
    }, g => g.Id, idFilter: "internet-gateway-id");

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new CreateInternetGateway(Binding.TagSpecifications(call.Input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("internetGateway", w => InternetGatewayXml.InternetGateway(w, state.InternetGateways[outcome.Value!], state)));
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, state.InternetGateways.Values, g => g.Id, "InternetGatewayIds",
                (string id, out InternetGateway g) => ResourceKinds.InternetGateway.Find(state, id, out g), Filters, out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("internetGatewaySet", page, (w, g) => InternetGatewayXml.InternetGateway(w, g, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Attach(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new AttachInternetGateway(call.Input.String("InternetGatewayId")!, call.Input.String("VpcId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> Detach(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DetachInternetGateway(call.Input.String("InternetGatewayId")!, call.Input.String("VpcId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteInternetGateway(call.Input.String("InternetGatewayId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }
}
