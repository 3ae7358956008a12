namespace LocalVpc.Core.Commands.VpnGateways;

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
