namespace LocalVpc.Core.Commands.DhcpOptionSets;

/// <summary>AssociateDhcpOptions: a VPC takes a set, or none with the id <c>default</c>.</summary>
public sealed record AssociateDhcpOptions(string DhcpOptionsId, string VpcId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } vpcError) return vpcError;
        if (DhcpOptionsId != DhcpOptions.NoneId && ResourceKinds.DhcpOptions.Find(state, DhcpOptionsId, out _) is { } error) return error;
        return Decision.Of(true, new ResourcePut(vpc with { DhcpOptionsId = DhcpOptionsId }));
    }
}
