using LocalVpc.Core.Commands.VpnGateways;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>Virtual private gateways: the API of the VPC's end of a Site-to-Site VPN (no tunnels).</summary>
public static class VpnGateways
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpnGateways.html.</summary>
    public static readonly FilterTable<VpnGateway> Filters = new(new()
    {
        ["amazon-side-asn"] = (g, _) => [g.AmazonSideAsn.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ["attachment.state"] = (g, _) => VpnGatewayXml.Attachments(g).Select(a => a.State),
        ["attachment.vpc-id"] = (g, _) => VpnGatewayXml.Attachments(g).Select(a => a.VpcId),
        ["availability-zone"] = (g, _) => [g.AvailabilityZone],
        ["state"] = (g, _) => [g.State],
        ["type"] = (g, _) => [g.Type],
        ["vpn-gateway-id"] = (g, _) => [g.Id],
    }, g => g.Id);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        // Terraform sends an empty zone when none is configured; AWS takes that as none.
        var zone = input.String("AvailabilityZone") is { Length: > 0 } given ? given : null;
        var outcome = await call.ExecuteAsync(new CreateVpnGateway(input.String("Type"), input.Long("AmazonSideAsn"), zone,
            Binding.TagSpecifications(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("vpnGateway", w =>
            VpnGatewayXml.VpnGateway(w, state.Table(ResourceKinds.VpnGateway)[outcome.Value!], state)));
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, state.Table(ResourceKinds.VpnGateway).Values, g => g.Id, "VpnGatewayIds",
                (string id, out VpnGateway g) => ResourceKinds.VpnGateway.Find(state, id, out g), Filters, out var page, out _) is { } error)
            return error;
        return ApiReply.Ok(w => w.List("vpnGatewaySet", page, (w, g) => VpnGatewayXml.VpnGateway(w, g, state)));
    }

    public static async Task<ApiReply> Attach(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new AttachVpnGateway(call.Input.String("VpnGatewayId"), call.Input.String("VpcId")));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w => w.Structure("attachment", w => VpnGatewayXml.Attachment(w, outcome.Value!.VpcId!, "attached")));
    }

    public static async Task<ApiReply> Detach(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DetachVpnGateway(call.Input.String("VpnGatewayId"), call.Input.String("VpcId")));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { }); // no output shape
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteVpnGateway(call.Input.String("VpnGatewayId")));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { }); // no output shape
    }

    public static Task<ApiReply> EnablePropagation(ApiCall call) => Propagation(call, enable: true);

    public static Task<ApiReply> DisablePropagation(ApiCall call) => Propagation(call, enable: false);

    private static async Task<ApiReply> Propagation(ApiCall call, bool enable)
    {
        var outcome = await call.ExecuteAsync(new VgwRoutePropagation(call.Input.String("GatewayId"), call.Input.String("RouteTableId"), enable));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { }); // no output shape
    }
}
