namespace LocalVpc.Core.Commands.Vpcs;

/// <summary>
/// DeleteVpc: refused while anything the user created is still in it; the defaults AWS made with the
/// VPC (main route table, default network ACL, default security group) go with it.
/// </summary>
public sealed record DeleteVpc(string VpcId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } error) return error;
        var hasDependents =
            state.SubnetsOf(vpc.Id).Any() ||
            state.SecurityGroupsOf(vpc.Id).Any(g => !g.IsDefault) ||
            state.RouteTablesOf(vpc.Id).Any(t => !t.IsMain) ||
            state.NetworkAclsOf(vpc.Id).Any(a => !a.IsDefault) ||
            state.InternetGatewayOf(vpc.Id) is not null ||
            state.Table(ResourceKinds.VpnGateway).Values.Any(g => g.VpcId == vpc.Id) ||
            state.Table(ResourceKinds.EgressOnlyInternetGateway).Values.Any(g => g.VpcId == vpc.Id) ||
            state.VpcEndpointsIn(vpc.Id).Any();
        if (hasDependents) return Ec2Errors.VpcDependencyViolation(vpc.Id);

        return Decision.Of(true,
            [
                new ResourceRemoved(state.DefaultSecurityGroupOf(vpc.Id).Id),
                new ResourceRemoved(state.DefaultNetworkAclOf(vpc.Id).Id),
                new ResourceRemoved(state.MainRouteTableOf(vpc.Id).Id),
                new ResourceRemoved(vpc.Id),
            ]);
    }
}
