using LocalVpc.Core.Regions;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>DescribeRegions and DescribeAvailabilityZones, from the region catalog.</summary>
public static class Regions
{
    public static readonly FilterTable<RegionInfo> RegionFilters = new(new()
    {
        ["endpoint"] = (r, _) => [r.Endpoint],
        ["opt-in-status"] = (_, _) => ["opt-in-not-required"],
        ["region-name"] = (r, _) => [r.Name],
    }, tagsId: null);

    public static readonly FilterTable<AvailabilityZone> ZoneFilters = new(new()
    {
        ["group-name"] = (z, _) => [z.Region],
        ["message"] = (_, _) => [],
        ["opt-in-status"] = (_, _) => ["opt-in-not-required"],
        ["region-name"] = (z, _) => [z.Region],
        ["state"] = (_, _) => ["available"],
        ["zone-id"] = (z, _) => [z.ZoneId],
        ["zone-name"] = (z, _) => [z.Name],
        ["zone-type"] = (_, _) => ["availability-zone"],
    }, tagsId: null);

    public static async Task<ApiReply> DescribeRegions(ApiCall call)
    {
        var state = await call.ReadAsync();
        IEnumerable<RegionInfo> regions = RegionCatalog.All;
        if (RegionCatalog.All.All(r => r.Name != state.Scope.Region)) regions = regions.Append(state.Region);
        var names = call.Input.Strings("RegionNames");
        if (names.FirstOrDefault(n => regions.All(r => r.Name != n)) is { } unknown)
            return new AwsError("InvalidParameterValue", $"Invalid region: {unknown}");
        if (!names.IsEmpty) regions = regions.Where(r => names.Contains(r.Name));
        if (RegionFilters.Apply(regions, call.Input.Structs("Filters"), state, out var matching) is { } error) return error;
        return ApiReply.Ok(w => w.List("regionInfo", matching, (w, r) =>
        {
            w.Element("regionName", r.Name);
            w.Element("regionEndpoint", r.Endpoint);
            w.Element("optInStatus", "opt-in-not-required");
        }));
    }

    public static async Task<ApiReply> DescribeAvailabilityZones(ApiCall call)
    {
        var state = await call.ReadAsync();
        IEnumerable<AvailabilityZone> zones = state.Region.Zones;
        var names = call.Input.Strings("ZoneNames");
        var ids = call.Input.Strings("ZoneIds");
        if (names.FirstOrDefault(n => state.Region.Zone(n) is null) is { } unknownName)
            return Ec2Errors.InvalidParameterValue($"The zone '{unknownName}' does not exist.");
        if (ids.FirstOrDefault(i => state.Region.ZoneById(i) is null) is { } unknownId)
            return Ec2Errors.InvalidParameterValue($"The zone id '{unknownId}' does not exist.");
        if (!names.IsEmpty || !ids.IsEmpty) zones = zones.Where(z => names.Contains(z.Name) || ids.Contains(z.ZoneId));
        if (ZoneFilters.Apply(zones, call.Input.Structs("Filters"), state, out var matching) is { } error) return error;
        return ApiReply.Ok(w => w.List("availabilityZoneInfo", matching, (w, z) =>
        {
            w.Element("optInStatus", "opt-in-not-required");
            w.Element("zoneName", z.Name);
            w.Element("zoneId", z.ZoneId);
            w.Element("zoneState", "available");
            w.Element("regionName", z.Region);
            w.Element("groupName", z.Region);
            w.Element("networkBorderGroup", z.Region);
            w.Element("zoneType", "availability-zone");
            w.List("messageSet", Array.Empty<object>(), (_, _) => { });
        }));
    }
}
