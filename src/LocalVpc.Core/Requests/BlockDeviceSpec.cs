namespace LocalVpc.Core.Requests;

/// <summary>One EBS block device RunInstances asks for (or, for the root device, changes).</summary>
public sealed record BlockDeviceSpec(string DeviceName, int? VolumeSize, string? VolumeType, int? Iops, int? Throughput, bool? Encrypted,
    bool? DeleteOnTermination);
