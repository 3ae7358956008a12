namespace LocalVpc.Core.Commands.VpnGateways;

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
