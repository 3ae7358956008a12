using LocalVpc.Core.Commands.NatGateways;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>NAT gateways.</summary>
public static class NatGateways
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNatGateways.html.</summary>
    public static readonly FilterTable<NatGateway> Filters = new(new()
    {
        ["nat-gateway-id"] = (n, _) => [n.Id],
        ["state"] = (n, _) => [n.State],
        ["subnet-id"] = (n, _) => [n.SubnetId],
        ["vpc-id"] = (n, _) => [n.VpcId],
    }, n => n.Id);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("SecondaryAllocationIds") || input.Has("SecondaryPrivateIpAddresses") || input.Has("SecondaryPrivateIpAddressCount") ||
            input.Has("AvailabilityMode") || input.Has("AvailabilityZoneAddresses"))
            return Ec2Errors.InvalidParameterValue("LocalVpc serves zonal NAT gateways with one address.");
        var outcome = await call.ExecuteAsync(new CreateNatGateway(input.String("SubnetId"), input.String("ConnectivityType"),
            input.String("AllocationId"), input.String("PrivateIpAddress"), Binding.TagSpecifications(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        // The create call answers pending, as EC2 does; Describe shows where it settled.
        return ApiReply.Ok(w =>
        {
            w.Element("clientToken", input.String("ClientToken"));
            w.Structure("natGateway", w => NatGatewayXml.NatGateway(w, state.NatGateways[outcome.Value!], state, "pending"));
        });
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        var now = call.Now;
        var visible = state.NatGateways.Values.Where(n => n.DeleteTime is not { } deleted || now - deleted < NatGateway.DeletedVisibility);
        if (Query.Run(call, state, visible, n => n.Id, "NatGatewayIds", (string id, out NatGateway n) => ResourceKinds.NatGateway.Find(state, id, out n),
                Filters, out var page, out var next, filtersMember: "Filter") is { } error) return error;
        return ApiReply.Ok(w =>
        {
            w.List("natGatewaySet", page, (w, n) => NatGatewayXml.NatGateway(w, n, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var id = call.Input.String("NatGatewayId")!;
        var outcome = await call.ExecuteAsync(new DeleteNatGateway(id));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w => w.Element("natGatewayId", id));
    }
}
