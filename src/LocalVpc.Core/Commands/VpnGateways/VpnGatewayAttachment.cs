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

/// <summary>DeleteVpnGateway: only a detached gateway; route tables stop naming it as a propagating gateway.</summary>
public sealed record DeleteVpnGateway(string? VpnGatewayId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (VpnGatewayId is null) return Ec2Errors.MissingParameter("VpnGatewayId");
        if (ResourceKinds.VpnGateway.Find(state, VpnGatewayId, out var gateway) is { } error) return error;
        if (gateway.VpcId is not null) return new AwsError("IncorrectState", $"The VPN gateway '{gateway.Id}' is attached to {gateway.VpcId}; detach it first.");
        List<Event> events = [new ResourceRemoved(gateway.Id)];
        foreach (var table in state.RouteTables.Values.Where(t => t.PropagatingGateways.Contains(gateway.Id)))
            events.Add(new ResourcePut(table with { PropagatingGateways = table.PropagatingGateways.Remove(gateway.Id) }));
        return Decision.Of(true, events);
    }
}

/// <summary>
/// EnableVgwRoutePropagation and DisableVgwRoutePropagation: a route table lists the gateway as propagating. With no VPN
/// connections here, no routes arrive through it.
/// </summary>
public sealed record VgwRoutePropagation(string? GatewayId, string? RouteTableId, bool Enable) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (GatewayId is null) return Ec2Errors.MissingParameter("GatewayId");
        if (RouteTableId is null) return Ec2Errors.MissingParameter("RouteTableId");
        if (ResourceKinds.RouteTable.Find(state, RouteTableId, out var table) is { } tableError) return tableError;
        if (ResourceKinds.VpnGateway.Find(state, GatewayId, out var gateway) is { } error) return error;
        if (Enable && gateway.VpcId != table.VpcId) return Ec2Errors.DifferentNetworks(table.Id, gateway.Id);
        var listed = table.PropagatingGateways.Contains(gateway.Id);
        if (listed == Enable) return Decision.Of(true);
        var gateways = Enable ? table.PropagatingGateways.Add(gateway.Id) : table.PropagatingGateways.Remove(gateway.Id);
        return Decision.Of(true, new ResourcePut(table with { PropagatingGateways = gateways }));
    }
}
