namespace LocalVpc.Ec2Api.Actions;

/// <summary>What an instance is made of: its EBS volumes, and the catalogue's public images.</summary>
public static class VolumesAndImages
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVolumes.html.</summary>
    public static readonly FilterTable<Volume> VolumeFilters = new(new()
    {
        ["attachment.attach-time"] = (v, _) => [v.Attachment?.AttachTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture)],
        ["attachment.delete-on-termination"] = (v, _) => [v.Attachment is { } a ? Binding.Text(a.DeleteOnTermination) : null],
        ["attachment.device"] = (v, _) => [v.Attachment?.Device],
        ["attachment.instance-id"] = (v, _) => [v.Attachment?.InstanceId],
        ["attachment.status"] = (v, _) => [v.Attachment is null ? null : "attached"],
        ["availability-zone"] = (v, _) => [v.AvailabilityZone],
        ["encrypted"] = (v, _) => [Binding.Text(v.Encrypted)],
        ["multi-attach-enabled"] = (_, _) => ["false"],
        ["size"] = (v, _) => [v.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ["snapshot-id"] = (v, _) => [v.SnapshotId],
        ["status"] = (v, _) => [v.State],
        ["volume-id"] = (v, _) => [v.Id],
        ["volume-type"] = (v, _) => [v.VolumeType],
    }, v => v.Id);

    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeImages.html.</summary>
    public static readonly FilterTable<ImageInfo> ImageFilters = new(new()
    {
        ["architecture"] = (i, _) => [i.Architecture],
        ["block-device-mapping.device-name"] = (_, _) => [ImageInfo.RootDeviceName],
        ["block-device-mapping.snapshot-id"] = (i, _) => [i.SnapshotId],
        ["block-device-mapping.volume-size"] = (i, _) => [i.RootSizeGiB.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ["block-device-mapping.volume-type"] = (i, _) => [i.RootVolumeType],
        ["creation-date"] = (i, _) => [i.CreationDate],
        ["description"] = (i, _) => [i.Description],
        ["ena-support"] = (_, _) => ["true"],
        ["hypervisor"] = (_, _) => ["xen"],
        ["image-id"] = (i, _) => [i.ImageId],
        ["image-type"] = (_, _) => ["machine"],
        ["is-public"] = (_, _) => ["true"],
        ["name"] = (i, _) => [i.Name],
        ["owner-alias"] = (i, _) => [i.OwnerAlias],
        ["owner-id"] = (i, _) => [i.OwnerId],
        ["platform-details"] = (_, _) => ["Linux/UNIX"],
        ["root-device-name"] = (_, _) => [ImageInfo.RootDeviceName],
        ["root-device-type"] = (_, _) => ["ebs"],
        ["state"] = (_, _) => ["available"],
        ["virtualization-type"] = (_, _) => ["hvm"],
    }, tagsId: null);

    public static async Task<ApiReply> DescribeVolumes(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, state.Table(ResourceKinds.Volume).Values, v => v.Id, "VolumeIds",
                (string id, out Volume v) => ResourceKinds.Volume.Find(state, id, out v), VolumeFilters, out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("volumeSet", page, (w, v) => VolumeXml.Volume(w, v, state));
            w.Element("nextToken", next);
        });
    }

    /// <summary>DescribeImages over the catalogue: <c>Owners</c> takes account ids and the aliases <c>amazon</c> and <c>self</c> (no image is the caller's own).</summary>
    public static async Task<ApiReply> DescribeImages(ApiCall call)
    {
        var state = await call.ReadAsync();
        var owners = call.Input.Strings("Owners");
        var candidates = ImageCatalog.All.Where(i => owners.IsEmpty || owners.Any(o => o == i.OwnerId || (i.OwnerAlias is { } alias && o == alias)))
            .OrderBy(i => i.ImageId, StringComparer.Ordinal);
        if (Query.Run(call, state, candidates, i => i.ImageId, "ImageIds", FindImage, ImageFilters, out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("imagesSet", page, ImageXml.Image);
            w.Element("nextToken", next);
        });
    }

    private static AwsError? FindImage(string id, out ImageInfo image)
    {
        image = ImageCatalog.Find(id)!;
        if (image is not null) return null;
        return Core.Ids.IdPrefix.IsWellFormed(id, "ami")
            ? new AwsError("InvalidAMIID.NotFound", $"The image id '[{id}]' does not exist")
            : new AwsError("InvalidAMIID.Malformed", $"Invalid id: \"{id}\" (expecting \"ami-...\")");
    }
}
