namespace LocalVpc.Core.Regions;

/// <summary>A region LocalVpc serves, with its availability zones.</summary>
public sealed record RegionInfo(string Name, ImmutableArray<AvailabilityZone> Zones)
{
    public string Endpoint => $"ec2.{Name}.amazonaws.com";

    public AvailabilityZone? Zone(string name) => Zones.FirstOrDefault(z => z.Name == name);

    public AvailabilityZone? ZoneById(string zoneId) => Zones.FirstOrDefault(z => z.ZoneId == zoneId);
}
