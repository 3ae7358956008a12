namespace LocalVpc.Core.Allocation;

/// <summary>
/// The EBS volumes an instance launches with: its root device from the image (sized and typed as the image says, unless
/// the request changes it), and each further device the request names. Sizes and IOPS follow the EBS volume types
/// (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html).
/// </summary>
public static class BlockDevices
{
    private static readonly Dictionary<string, (int Min, int Max)> Sizes = new(StringComparer.Ordinal)
    {
        ["gp2"] = (1, 16_384), ["gp3"] = (1, 16_384), ["io1"] = (4, 16_384), ["io2"] = (4, 65_536),
        ["st1"] = (125, 16_384), ["sc1"] = (125, 16_384), ["standard"] = (1, 1_024),
    };

    /// <summary>The volumes for one instance, root first; or AWS's error for the request's mappings.</summary>
    public static AwsError? For(string instanceId, string zone, string imageId, ImmutableArray<BlockDeviceSpec> specs, CommandContext context,
        DateTimeOffset now, out List<Volume> volumes)
    {
        volumes = [];
        var image = ImageCatalog.Find(imageId);
        var duplicate = specs.GroupBy(s => s.DeviceName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return Invalid($"The device name {duplicate.Key} is given more than once.");

        var rootSpec = specs.FirstOrDefault(s => s.DeviceName == ImageInfo.RootDeviceName);
        var rootMinimum = image?.RootSizeGiB ?? ImageCatalog.DefaultRootSizeGiB;
        var rootSize = rootSpec?.VolumeSize ?? rootMinimum;
        if (rootSize < rootMinimum)
            return Invalid($"Volume of size {rootSize}GB is smaller than snapshot '{image?.SnapshotId}', expect size >= {rootMinimum}GB");
        if (Volume(context, instanceId, zone, now, ImageInfo.RootDeviceName, rootSize, rootSpec?.VolumeType ?? image?.RootVolumeType ?? "gp3",
                rootSpec, image?.SnapshotId, out var root) is { } rootError)
            return rootError;
        volumes.Add(root);
        foreach (var spec in specs.Where(s => s.DeviceName != ImageInfo.RootDeviceName))
        {
            if (spec.VolumeSize is not { } size) return Invalid($"The volume size of {spec.DeviceName} is missing.");
            if (Volume(context, instanceId, zone, now, spec.DeviceName, size, spec.VolumeType ?? "gp2", spec, null, out var volume) is { } error)
                return error;
            volumes.Add(volume);
        }
        return null;
    }

    private static AwsError? Volume(CommandContext context, string instanceId, string zone, DateTimeOffset now, string device, int size, string type,
        BlockDeviceSpec? spec, string? snapshot, out Volume volume)
    {
        volume = null!;
        if (!Sizes.TryGetValue(type, out var range)) return Ec2Errors.InvalidParameterValue("volumeType", type);
        if (size < range.Min || size > range.Max) return Invalid($"Volume size {size} for {type} must be between {range.Min} and {range.Max} GiB.");
        int? iops = type switch
        {
            "gp3" => spec?.Iops ?? 3_000,
            "gp2" => Math.Clamp(3 * size, 100, 16_000),
            "io1" or "io2" => spec?.Iops,
            _ => null,
        };
        if (type is "io1" or "io2" && iops is null) return Ec2Errors.MissingParameter("iops");
        volume = new Volume(context.Ids.Next(IdPrefix.Volume), size, type, iops, type == "gp3" ? spec?.Throughput ?? 125 : null, spec?.Encrypted ?? false,
            zone, snapshot, now, new VolumeAttachment(instanceId, device, now, spec?.DeleteOnTermination ?? true));
        return null;
    }

    private static AwsError Invalid(string message) => new("InvalidBlockDeviceMapping", message);
}
