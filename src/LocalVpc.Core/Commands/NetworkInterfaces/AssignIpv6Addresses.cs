namespace LocalVpc.Core.Commands.NetworkInterfaces;

/// <summary>AssignIpv6Addresses: addresses, named or counted, from the IPv6 block of the interface's subnet.</summary>
public sealed record AssignIpv6Addresses(string NetworkInterfaceId, ImmutableArray<string> Ipv6Addresses, int? Count)
    : ICommand<ImmutableArray<string>>
{
    public Decision<ImmutableArray<string>> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.NetworkInterface.Find(state, NetworkInterfaceId, out var eni) is { } error) return error;
        if (Ipv6Addresses.IsEmpty == (Count is null))
            return Ec2Errors.InvalidParameterCombination("Specify either IPv6 addresses or a count of IPv6 addresses.");
        if (Count is < 1) return Ec2Errors.InvalidParameterValue("ipv6AddressCount", Count.ToString()!);
        if (Ipv6AddressAllocator.Allocate(state, state.Subnets[eni.SubnetId], Ipv6Addresses, Count ?? 0, new HashSet<UInt128>(), out var added) is { } addressError)
            return addressError;
        ImmutableArray<string> assigned = [.. added];
        return Decision.Of(assigned, new ResourcePut(eni with { Ipv6Addresses = eni.Ipv6Addresses.AddRange(assigned) }));
    }
}
