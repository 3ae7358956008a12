namespace LocalVpc.Core.Allocation;

/// <summary>
/// IPv6 addresses come from the subnet's /64, lowest free first, never one of the first four or the last (AWS reserves
/// them as in IPv4, https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing-ipv6.html) and never one an
/// interface holds.
/// </summary>
public static class Ipv6AddressAllocator
{
    /// <summary>
    /// How many addresses a new interface gets when the request names none: what it asks, else one where the subnet
    /// assigns IPv6 addresses on creation.
    /// </summary>
    public static int CountFor(Subnet subnet, ImmutableArray<string> requested, int? count) =>
        Math.Max(count ?? (requested.IsDefaultOrEmpty && subnet.AssignIpv6AddressOnCreation ? 1 : 0),
            subnet.Ipv6Native && requested.IsDefaultOrEmpty ? 1 : 0); // an interface of an IPv6-only subnet needs one address at least

    /// <param name="requested">Addresses asked for by name; each must be free and in the subnet's block.</param>
    /// <param name="count">How many more to pick.</param>
    /// <param name="pending">Addresses this same command already took.</param>
    public static AwsError? Allocate(AccountState state, Subnet subnet, IEnumerable<string> requested, int count,
        ISet<UInt128> pending, out List<string> addresses)
    {
        addresses = [];
        var requestedList = requested.ToList();
        if (requestedList.Count == 0 && count == 0) return null;
        if (subnet.Ipv6Cidr is not { } cidr)
            return Ec2Errors.InvalidParameterValue($"The subnet {subnet.Id} has no IPv6 CIDR block, so it cannot give IPv6 addresses.");
        var taken = state.NetworkInterfacesIn(subnet.Id).SelectMany(n => n.Ipv6Addresses)
            .Select(a => Ipv6Cidr.TryParseAddress(a, out var v) ? v : UInt128.Zero).ToHashSet();
        taken.UnionWith(pending);
        foreach (var text in requestedList)
        {
            if (!Ipv6Cidr.TryParseAddress(text, out var address)) return Ec2Errors.InvalidParameterValue("ipv6Address", text);
            if (!cidr.Contains(address))
                return Ec2Errors.InvalidParameterValue($"Address {text} does not fall within the subnet's IPv6 address range {cidr}");
            if (address - cidr.Network < 4 || address == cidr.Last)
                return Ec2Errors.InvalidParameterValue($"Address {text} is in subnet's reserved address range");
            if (!taken.Add(address)) return new AwsError("InvalidIPAddress.InUse", $"Address {text} is in use.");
            pending.Add(address);
            addresses.Add(Ipv6Cidr.FormatAddress(address));
        }
        for (var address = cidr.Network + 4; count > 0 && address < cidr.Last; address++)
        {
            if (!taken.Add(address)) continue;
            pending.Add(address);
            addresses.Add(Ipv6Cidr.FormatAddress(address));
            count--;
        }
        return null;
    }
}
