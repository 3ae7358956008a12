namespace LocalVpc.Core.Commands.Subnets;

/// <summary>ModifySubnetAttribute: whether instances launched in the subnet get a public IPv4 address.</summary>
public sealed record ModifySubnetAttribute(string SubnetId, bool? MapPublicIpOnLaunch) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Subnet.Find(state, SubnetId, out var subnet) is { } error) return error;
        if (MapPublicIpOnLaunch is not { } map) return Ec2Errors.MissingParameter("MapPublicIpOnLaunch");
        return Decision.Of(true, new ResourcePut(subnet with { MapPublicIpOnLaunch = map }));
    }
}
