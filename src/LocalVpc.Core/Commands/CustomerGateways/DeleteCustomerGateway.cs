namespace LocalVpc.Core.Commands.CustomerGateways;

/// <summary>DeleteCustomerGateway: the gateway and its tags are gone (no VPN connection can use one here).</summary>
public sealed record DeleteCustomerGateway(string CustomerGatewayId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.CustomerGateway.Find(state, CustomerGatewayId, out var gateway) is { } error) return error;
        return Decision.Of(true, new ResourceRemoved(gateway.Id));
    }
}
