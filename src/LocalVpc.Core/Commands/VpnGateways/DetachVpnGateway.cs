namespace LocalVpc.Core.Commands.VpnGateways;

/// <summary>DetachVpnGateway: the attachment is listed as detached afterwards; routes through the gateway turn to blackhole.</summary>
public sealed record DetachVpnGateway(string? VpnGatewayId, string? VpcId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (VpnGatewayId is null) return Ec2Errors.MissingParameter("VpnGatewayId");
        if (VpcId is null) return Ec2Errors.MissingParameter("VpcId");
        if (ResourceKinds.VpnGateway.Find(state, VpnGatewayId, out var gateway) is { } error) return error;
        if (gateway.VpcId != VpcId)
            return new AwsError("InvalidVpnGatewayAttachment.NotFound", $"The attachment with vpn gateway ID '{gateway.Id}' and vpc ID '{VpcId}' does not exist");
        return Decision.Of(true, new ResourcePut(gateway with { VpcId = null, DetachedVpcId = VpcId }));
    }
}
