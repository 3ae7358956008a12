using LocalVpc.Core.Commands.CustomerGateways;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>Customer gateways: the API of the customer's end of a Site-to-Site VPN (no tunnels).</summary>
public static class CustomerGateways
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeCustomerGateways.html.</summary>
    public static readonly FilterTable<CustomerGateway> Filters = new(new()
    {
        ["bgp-asn"] = (g, _) => [g.BgpAsn],
        ["customer-gateway-id"] = (g, _) => [g.Id],
        ["ip-address"] = (g, _) => [g.IpAddress],
        ["state"] = (g, _) => [g.State],
        ["type"] = (g, _) => [g.Type],
    }, g => g.Id);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new CreateCustomerGateway(input.String("Type"), input.Int("BgpAsn"), input.Long("BgpAsnExtended"),
            input.String("IpAddress") ?? input.String("PublicIp"), input.String("CertificateArn"), input.String("DeviceName"),
            Binding.TagSpecifications(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("customerGateway", w =>
            CustomerGatewayXml.CustomerGateway(w, state.Table(ResourceKinds.CustomerGateway)[outcome.Value!], state)));
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        var table = state.Table(ResourceKinds.CustomerGateway);
        if (Query.Run(call, state, table.Values, g => g.Id, "CustomerGatewayIds",
                (string id, out CustomerGateway g) => ResourceKinds.CustomerGateway.Find(state, id, out g), Filters, out var page, out _) is { } error)
            return error;
        return ApiReply.Ok(w => w.List("customerGatewaySet", page, (w, g) => CustomerGatewayXml.CustomerGateway(w, g, state)));
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteCustomerGateway(call.Input.String("CustomerGatewayId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { });
    }
}
