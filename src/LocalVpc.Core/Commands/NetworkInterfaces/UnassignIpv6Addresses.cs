namespace LocalVpc.Core.Commands.NetworkInterfaces;

/// <summary>UnassignIpv6Addresses: takes named IPv6 addresses off an interface; each must be one it holds.</summary>
public sealed record UnassignIpv6Addresses(string NetworkInterfaceId, ImmutableArray<string> Ipv6Addresses) : ICommand<ImmutableArray<string>>
{
    public Decision<ImmutableArray<string>> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.NetworkInterface.Find(state, NetworkInterfaceId, out var eni) is { } error) return error;
        if (Ipv6Addresses.IsEmpty) return Ec2Errors.MissingParameter("ipv6Addresses");
        var canonical = new List<string>();
        foreach (var text in Ipv6Addresses)
        {
            var held = Ipv6Cidr.TryParseAddress(text, out var address) ? Ipv6Cidr.FormatAddress(address) : null;
            if (held is null || !eni.Ipv6Addresses.Contains(held))
                return Ec2Errors.InvalidParameterValue($"Some of the specified addresses are not assigned to interface {eni.Id}: {text}");
            if (eni.IsPrimaryIpv6(held))
                return Ec2Errors.InvalidParameterValue($"{held} is the primary IPv6 address of {eni.Id}, which stays with the interface.");
            canonical.Add(held);
        }
        return Decision.Of<ImmutableArray<string>>([.. canonical], new ResourcePut(eni with { Ipv6Addresses = eni.Ipv6Addresses.RemoveRange(canonical) }));
    }
}
