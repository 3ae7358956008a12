namespace LocalVpc.Core.Allocation;

/// <summary>
/// Amazon's pool of IPv6 addresses: each region gives VPCs /56 blocks from a /32 of its own (the prefixes real
/// accounts see in the larger regions), and no block twice in a region, whichever account asks.
/// </summary>
public static class AmazonIpv6Pool
{
    /// <summary>The name DescribeVpcs shows as a block's <c>ipv6Pool</c>.</summary>
    public const string Name = "Amazon";

    public const int VpcPrefixLength = 56, SubnetPrefixLength = 64;

    private static readonly Dictionary<string, ushort[]> RegionPrefixes = new()
    {
        ["us-east-1"] = [0x2600, 0x1f18], ["us-east-2"] = [0x2600, 0x1f16], ["us-west-1"] = [0x2600, 0x1f1c],
        ["us-west-2"] = [0x2600, 0x1f14], ["eu-west-1"] = [0x2a05, 0xd018], ["eu-central-1"] = [0x2a05, 0xd014],
        ["ap-northeast-1"] = [0x2406, 0xda14], ["ap-southeast-1"] = [0x2406, 0xda18],
    };

    /// <summary>The region's /32: a known one, else one in 2600:1f00::/24 made from the region's name (FNV-1a, stable across processes).</summary>
    public static Ipv6Cidr RegionBlock(string region)
    {
        if (!RegionPrefixes.TryGetValue(region, out var hextets))
        {
            var hash = 2166136261u;
            foreach (var c in region) hash = (hash ^ c) * 16777619u;
            hextets = [0x2600, (ushort)(0x1f00 | (hash & 0xff))];
        }
        return new Ipv6Cidr(((UInt128)hextets[0] << 112) | ((UInt128)hextets[1] << 96), 32);
    }

    /// <summary>The lowest /56 of the region's /32 that no VPC of the region holds, or null when the /32 is spent.</summary>
    public static Ipv6Cidr? NextVpcBlock(RegionSnapshot region)
    {
        var used = region.Accounts.Values.SelectMany(a => a.Vpcs.Values).SelectMany(v => v.Ipv6CidrAssociations)
            .Select(a => a.Cidr).ToHashSet();
        var pool = RegionBlock(region.Region);
        // Start above zero so blocks read like AWS's (2600:1f18:0:100::/56) rather than the pool's first address.
        for (UInt128 index = 1; index < (UInt128)1 << (VpcPrefixLength - pool.PrefixLength); index++)
        {
            var block = pool.Child(VpcPrefixLength, index);
            if (!used.Contains(block)) return block;
        }
        return null;
    }
}
