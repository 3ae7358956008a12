namespace LocalVpc.Core.Allocation;

/// <summary>
/// Private addresses come from the subnet, lowest free first, never one of the five AWS reserves (the
/// first four and the last, https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html) and
/// never one a network interface holds.
/// </summary>
public static class AddressAllocator
{
    /// <summary>How many IPv4 addresses a new interface's primary takes when none is named: one, or none in an IPv6-only subnet.</summary>
    public static int PrimaryCount(Subnet subnet, string? requested) => requested is null && !subnet.Ipv6Native ? 1 : 0;

    /// <param name="requested">Addresses asked for by name; each must be free.</param>
    /// <param name="count">How many more to pick.</param>
    /// <param name="pending">Addresses this same command already took (several instances in one call).</param>
    public static AwsError? Allocate(AccountState state, Subnet subnet, IEnumerable<string> requested, int count,
        ISet<uint> pending, out List<string> addresses)
    {
        addresses = [];
        var requestedList = requested.ToList();
        if (subnet.Cidr is not { } cidr)
            return requestedList.Count == 0 && count == 0 ? null : Ec2Errors.Ipv6OnlySubnet(subnet.Id);
        var taken = state.NetworkInterfacesIn(subnet.Id).SelectMany(n => n.PrivateIpAddresses)
            .Select(Parse).ToHashSet();
        taken.UnionWith(pending);
        foreach (var text in requestedList)
        {
            if (!Ipv4Cidr.TryParseAddress(text, out var address)) return Ec2Errors.InvalidParameterValue("privateIpAddress", text);
            if (!cidr.Contains(address))
                return Ec2Errors.InvalidParameterValue($"Address {text} does not fall within the subnet's address range");
            if (address - cidr.Network < 4 || address == cidr.Last)
                return Ec2Errors.InvalidParameterValue($"Address {text} is in subnet's reserved address range");
            if (!taken.Add(address)) return new AwsError("InvalidIPAddress.InUse", $"Address {text} is in use.");
            pending.Add(address);
            addresses.Add(text);
        }
        for (var address = cidr.Network + 4; count > 0 && address < cidr.Last; address++)
        {
            if (!taken.Add(address)) continue;
            pending.Add(address);
            addresses.Add(Ipv4Cidr.FormatAddress(address));
            count--;
        }
        return count > 0
            ? new AwsError("InsufficientFreeAddressesInSubnet", $"There are not enough free addresses in subnet '{subnet.Id}' to satisfy the requested number of addresses.")
            : null;
    }

    private static uint Parse(string text) => Ipv4Cidr.TryParseAddress(text, out var address) ? address : 0;
}
