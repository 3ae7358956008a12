namespace LocalVpc.Core.Commands.InternetGateways;

/// <summary>
/// DetachInternetGateway: routes to it turn to blackhole. A gateway not attached to the VPC answers Gateway.NotAttached
/// even when that VPC is gone (Terraform deletes a gateway and its former VPC in parallel and counts on that answer).
/// </summary>
public sealed record DetachInternetGateway(string InternetGatewayId, string VpcId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.InternetGateway.Find(state, InternetGatewayId, out var gateway) is { } error) return error;
        if (gateway.VpcId != VpcId)
            return IdPrefix.IsWellFormed(VpcId, IdPrefix.Vpc) ? Ec2Errors.GatewayNotAttached(gateway.Id, VpcId) : Ec2Errors.VpcIdMalformed(VpcId);
        if (state.HasMappedPublicAddresses(VpcId)) return Ec2Errors.MappedPublicAddresses(VpcId);
        return Decision.Of(true, new ResourcePut(gateway with { VpcId = null }));
    }
}
