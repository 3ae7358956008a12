namespace LocalVpc.Core.Commands.InternetGateways;

/// <summary>DeleteInternetGateway: only once it is detached.</summary>
public sealed record DeleteInternetGateway(string InternetGatewayId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.InternetGateway.Find(state, InternetGatewayId, out var gateway) is { } error) return error;
        if (gateway.VpcId is not null) return Ec2Errors.InternetGatewayDependencyViolation(gateway.Id);
        return Decision.Of(true, new ResourceRemoved(gateway.Id));
    }
}
