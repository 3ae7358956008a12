namespace LocalVpc.Core.Commands.EgressOnlyInternetGateways;

/// <summary>DeleteEgressOnlyInternetGateway: routes through it stay, as blackholes, as on AWS.</summary>
public sealed record DeleteEgressOnlyInternetGateway(string? EgressOnlyInternetGatewayId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (EgressOnlyInternetGatewayId is null) return Ec2Errors.MissingParameter("EgressOnlyInternetGatewayId");
        if (ResourceKinds.EgressOnlyInternetGateway.Find(state, EgressOnlyInternetGatewayId, out var gateway) is { } error) return error;
        return Decision.Of(true, new ResourceRemoved(gateway.Id));
    }
}
