namespace LocalVpc.Core.Commands.Addresses;

/// <summary>ReleaseAddress: only an address that is not associated.</summary>
public sealed record ReleaseAddress(string? AllocationId, string? PublicIp) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (Lookup.Address(state, AllocationId, PublicIp, out var address) is { } error) return error;
        if (address.IsAssociated) return Ec2Errors.AddressInUse(address.PublicIp);
        return Decision.Of(true, new ResourceRemoved(address.Id));
    }
}
