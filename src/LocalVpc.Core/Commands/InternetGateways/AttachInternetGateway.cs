namespace LocalVpc.Core.Commands.InternetGateways;

/// <summary>AttachInternetGateway: one gateway per VPC, one VPC per gateway.</summary>
public sealed record AttachInternetGateway(string InternetGatewayId, string VpcId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.InternetGateway.Find(state, InternetGatewayId, out var gateway) is { } error) return error;
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } vpcError) return vpcError;
        if (gateway.VpcId is { } attached)
            return Ec2Errors.AlreadyAssociated($"resource {gateway.Id} is already attached to network {attached}");
        if (state.InternetGatewayOf(vpc.Id) is { } other)
            return Ec2Errors.AlreadyAssociated($"Network {vpc.Id} already has an internet gateway attached ({other.Id})");
        return Decision.Of(true, new ResourcePut(gateway with { VpcId = vpc.Id }));
    }
}
