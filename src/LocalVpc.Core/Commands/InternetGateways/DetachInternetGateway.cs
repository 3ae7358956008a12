namespace LocalVpc.Core.Commands.InternetGateways;

/// <summary>DetachInternetGateway: routes to it turn to blackhole.</summary>
public sealed record DetachInternetGateway(string InternetGatewayId, string VpcId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.InternetGateway.Find(state, InternetGatewayId, out var gateway) is { } error) return error;
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } vpcError) return vpcError;
        if (gateway.VpcId != vpc.Id) return Ec2Errors.GatewayNotAttached(gateway.Id, vpc.Id);
        if (state.HasMappedPublicAddresses(vpc.Id)) return Ec2Errors.MappedPublicAddresses(vpc.Id);
        return Decision.Of(true, new ResourcePut(gateway with { VpcId = null }));
    }
}
