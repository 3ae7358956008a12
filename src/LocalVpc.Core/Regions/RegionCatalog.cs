namespace LocalVpc.Core.Regions;

/// <summary>
/// The regions LocalVpc knows, with their zone-id prefixes and zone counts. Zone letters map to
/// zone ids in order (us-east-1a → use1-az1); real accounts shuffle that mapping, we keep it fixed.
/// </summary>
public static class RegionCatalog
{
    private static readonly (string Name, string ZoneIdPrefix, int Zones)[] Known =
    [
        ("us-east-1", "use1", 6), ("us-east-2", "use2", 3), ("us-west-1", "usw1", 2), ("us-west-2", "usw2", 4),
        ("ca-central-1", "cac1", 3), ("sa-east-1", "sae1", 3),
        ("eu-west-1", "euw1", 3), ("eu-west-2", "euw2", 3), ("eu-west-3", "euw3", 3),
        ("eu-central-1", "euc1", 3), ("eu-north-1", "eun1", 3), ("eu-south-1", "eus1", 3),
        ("ap-south-1", "aps1", 3), ("ap-northeast-1", "apne1", 3), ("ap-northeast-2", "apne2", 4),
        ("ap-northeast-3", "apne3", 3), ("ap-southeast-1", "apse1", 3), ("ap-southeast-2", "apse2", 3),
    ];

    /// <summary>Every known region, in the order above.</summary>
    public static ImmutableArray<RegionInfo> All { get; } = [.. Known.Select(k => Build(k.Name, k.ZoneIdPrefix, k.Zones))];

    /// <summary>
    /// The region of that name. A well-formed name we have no entry for (a newer region) gets three
    /// zones and a zone-id prefix made from its name; anything else is null.
    /// </summary>
    public static RegionInfo? Find(string name)
    {
        var known = All.FirstOrDefault(r => r.Name == name);
        if (known is not null) return known;
        var parts = name.Split('-');
        if (parts.Length < 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiLetterOrDigit)) ||
            !int.TryParse(parts[^1], out _) || parts[0].Length != 2) return null;
        var prefix = parts[0] + string.Concat(parts[1..^1].Select(p => p[0])) + parts[^1];
        return Build(name, prefix, 3);
    }

    private static RegionInfo Build(string name, string prefix, int zones) => new(name,
        [.. Enumerable.Range(0, zones).Select(i => new AvailabilityZone($"{name}{(char)('a' + i)}", $"{prefix}-az{i + 1}", name))]);
}
