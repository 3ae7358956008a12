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
        var taken = state.PrivateAddressesIn(subnet.Id);
        foreach (var text in requestedList)
        {
            if (!Ipv4Cidr.TryParseAddress(text, out var address)) return Ec2Errors.InvalidParameterValue("privateIpAddress", text);
            if (!cidr.Contains(address))
                return Ec2Errors.InvalidParameterValue($"Address {text} does not fall within the subnet's address range");
            if (address - cidr.Network < 4 || address == cidr.Last)
                return Ec2Errors.InvalidParameterValue($"Address {text} is in subnet's reserved address range");
            if (taken.Contains(address) || !pending.Add(address)) return new AwsError("InvalidIPAddress.InUse", $"Address {text} is in use.");
            addresses.Add(text);
        }
        for (var address = LowestFree(taken, pending, cidr.Network + 4); count > 0 && address < cidr.Last; address = LowestFree(taken, pending, address + 1))
        {
            pending.Add(address);
            addresses.Add(Ipv4Cidr.FormatAddress(address));
            count--;
        }
        return count > 0
            ? new AwsError("InsufficientFreeAddressesInSubnet", $"There are not enough free addresses in subnet '{subnet.Id}' to satisfy the requested number of addresses.")
            : null;
    }

    /// <summary>The lowest address from <paramref name="from"/> up that neither the subnet's interfaces nor this command hold.</summary>
    private static uint LowestFree(ImmutableSortedSet<uint> taken, ISet<uint> pending, uint from)
    {
        var free = LowestNotIn(taken, from);
        while (pending.Contains(free)) free = LowestNotIn(taken, free + 1);
        return free;
    }

    /// <summary>
    /// The end of the run of taken addresses that starts at <paramref name="from"/>, found by bisection: addresses are
    /// handed out lowest first, so a busy subnet's low addresses are one long run, and walking it would cost every create
    /// the subnet's size. The set is sorted and distinct, so <c>taken[i] - i</c> never decreases along it.
    /// </summary>
    private static uint LowestNotIn(ImmutableSortedSet<uint> taken, uint from)
    {
        var first = taken.IndexOf(from);
        if (first < 0) return from;
        // taken[low] continues the run from `from`; taken[high] (or the end of the set) does not.
        var (low, high) = (first, taken.Count);
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (taken[middle] == from + (uint)(middle - first)) low = middle;
            else high = middle;
        }
        return from + (uint)(low - first) + 1;
    }
}
