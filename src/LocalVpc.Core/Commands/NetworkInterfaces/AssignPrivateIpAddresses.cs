namespace LocalVpc.Core.Commands.NetworkInterfaces;

/// <summary>AssignPrivateIpAddresses: secondary addresses, named or counted, from the interface's subnet.</summary>
public sealed record AssignPrivateIpAddresses(string NetworkInterfaceId, ImmutableArray<string> PrivateIpAddresses, int? Count)
    : ICommand<ImmutableArray<string>>
{
    public Decision<ImmutableArray<string>> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.NetworkInterface.Find(state, NetworkInterfaceId, out var eni) is { } error) return error;
        if (PrivateIpAddresses.IsEmpty == (Count is null))
            return Ec2Errors.InvalidParameterCombination("Specify either private IP addresses or a count of secondary private IP addresses.");
        if (Count is < 1) return Ec2Errors.InvalidParameterValue("secondaryPrivateIpAddressCount", Count.ToString()!);
        var subnet = state.Subnets[eni.SubnetId];
        if (AddressAllocator.Allocate(state, subnet, PrivateIpAddresses, Count ?? 0, new HashSet<uint>(), out var added) is { } addressError)
            return addressError;
        ImmutableArray<string> assigned = [.. added];
        return Decision.Of(assigned, new ResourcePut(eni with { PrivateIpAddresses = eni.PrivateIpAddresses.AddRange(assigned) }));
    }
}
