namespace LocalVpc.Core.Commands.NatGateways;

/// <summary>DeleteNatGateway: the gateway is listed as deleted for a while; its interface goes and its Elastic IP is freed.</summary>
public sealed record DeleteNatGateway(string NatGatewayId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.NatGateway.Find(state, NatGatewayId, out var gateway) is { } error) return error;
        if (gateway.State == "deleted") return Ec2Errors.NatGatewayNotFound(gateway.Id);
        var events = new List<Event> { new ResourcePut(gateway with { State = "deleted", DeleteTime = context.Time.GetUtcNow() }) };
        if (gateway.NetworkInterfaceId is { } eniId)
        {
            foreach (var address in state.Addresses.Values.Where(a => a.NetworkInterfaceId == eniId))
                events.Add(new ResourcePut(address with { AssociationId = null, NetworkInterfaceId = null, PrivateIpAddress = null }));
            events.Add(new ResourceRemoved(eniId));
        }
        return Decision.Of(true, events);
    }
}
