namespace LocalVpc.Core.Resources;

/// <summary>
/// An EBS volume (<c>vol-…</c>): an instance's root device and the others it launched with. LocalVpc stores no data; the
/// volume is what the API shows of the instance's disks.
/// </summary>
/// <param name="Iops">Provisioned or baseline IOPS (gp3: 3,000; gp2: 3 per GiB, 100 to 16,000); null where the type has none.</param>
/// <param name="Throughput">MiB/s, gp3 only.</param>
public sealed record Volume(
    string Id,
    int Size,
    string VolumeType,
    int? Iops,
    int? Throughput,
    bool Encrypted,
    string AvailabilityZone,
    string? SnapshotId,
    DateTimeOffset CreateTime,
    VolumeAttachment? Attachment) : Resource(Id)
{
    public string State => Attachment is null ? "available" : "in-use";
}

/// <summary>Where a volume is attached: the instance, its device name, and whether it goes when the instance terminates.</summary>
public sealed record VolumeAttachment(string InstanceId, string Device, DateTimeOffset AttachTime, bool DeleteOnTermination);
