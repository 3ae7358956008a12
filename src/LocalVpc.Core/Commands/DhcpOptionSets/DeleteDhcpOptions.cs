namespace LocalVpc.Core.Commands.DhcpOptionSets;

/// <summary>DeleteDhcpOptions: a set no VPC uses is gone (the region's default one too, as on AWS).</summary>
public sealed record DeleteDhcpOptions(string DhcpOptionsId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.DhcpOptions.Find(state, DhcpOptionsId, out var options) is { } error)
            return error.Code == "InvalidDhcpOptionID.NotFound" ? Ec2Errors.DhcpOptionsNotFoundOnDelete(DhcpOptionsId) : error;
        if (state.Vpcs.Values.Any(v => v.DhcpOptionsId == options.Id)) return Ec2Errors.DhcpOptionsInUse(options.Id);
        return Decision.Of(true, new ResourceRemoved(options.Id));
    }
}
