namespace LocalVpc.Core.Allocation;

/// <summary>
/// Public IPv4 addresses for instances and Elastic IPs come from 198.18.0.0/16, half of the block RFC 2544 sets
/// aside for benchmarking: never a real routable address (the other half, 198.19.0.0/16, holds the AWS service
/// prefix lists). Lowest free first, per account and region.
/// </summary>
public static class PublicAddressPool
{
    public static readonly Ipv4Cidr Block = new(0xC6120000, 16);

    public static AwsError? Allocate(AccountState state, ISet<uint> pending, out string address)
    {
        address = "";
        var taken = state.PublicAddressesInUse().Select(a => Ipv4Cidr.TryParseAddress(a, out var v) ? v : 0).ToHashSet();
        taken.UnionWith(pending);
        for (var candidate = Block.Network + 1; candidate < Block.Last; candidate++)
        {
            if (taken.Contains(candidate)) continue;
            pending.Add(candidate);
            address = Ipv4Cidr.FormatAddress(candidate);
            return null;
        }
        return Ec2Errors.AddressLimitExceeded();
    }
}
