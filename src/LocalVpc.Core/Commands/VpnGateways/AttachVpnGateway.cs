namespace LocalVpc.Core.Commands.VpnGateways;

/// <summary>AttachVpnGateway: one VPC per gateway, one gateway per VPC.</summary>
public sealed record AttachVpnGateway(string? VpnGatewayId, string? VpcId) : ICommand<VpnGateway>
{
    public Decision<VpnGateway> Decide(AccountState state, CommandContext context)
    {
        if (VpnGatewayId is null) return Ec2Errors.MissingParameter("VpnGatewayId");
        if (VpcId is null) return Ec2Errors.MissingParameter("VpcId");
        if (ResourceKinds.VpnGateway.Find(state, VpnGatewayId, out var gateway) is { } error) return error;
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } vpcError) return vpcError;
        if (gateway.VpcId == vpc.Id) return Decision.Of(gateway);
        if (gateway.VpcId is { } other)
            return new AwsError("VpnGatewayAttachmentLimitExceeded", $"The VPN gateway {gateway.Id} is already attached to {other}.");
        if (state.Table(ResourceKinds.VpnGateway).Values.FirstOrDefault(g => g.VpcId == vpc.Id) is { } attached)
            return new AwsError("VpnGatewayAttachmentLimitExceeded", $"The VPC {vpc.Id} already has the VPN gateway {attached.Id} attached.");
        var changed = gateway with { VpcId = vpc.Id, DetachedVpcId = null };
        return Decision.Of(changed, new ResourcePut(changed));
    }
}
