namespace LocalVpc.Core.Regions;

/// <summary>An availability zone: its name (us-east-1a) and its zone id (use1-az1).</summary>
public sealed record AvailabilityZone(string Name, string ZoneId, string Region);
