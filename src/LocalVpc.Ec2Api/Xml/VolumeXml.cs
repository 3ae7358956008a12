namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>Volume</c> shape, and a volume as an instance's <c>InstanceBlockDeviceMapping</c>.</summary>
public static class VolumeXml
{
    public static void Volume(XmlWriter w, Volume volume, AccountState state)
    {
        w.Element("volumeId", volume.Id);
        w.Element("size", volume.Size);
        w.Element("snapshotId", volume.SnapshotId ?? "");
        w.Element("availabilityZone", volume.AvailabilityZone);
        w.Element("status", volume.State);
        w.Element("createTime", volume.CreateTime);
        w.List("attachmentSet", volume.Attachment is { } a ? [a] : Array.Empty<VolumeAttachment>(), (w, a) =>
        {
            w.Element("volumeId", volume.Id);
            w.Element("instanceId", a.InstanceId);
            w.Element("device", a.Device);
            w.Element("status", "attached");
            w.Element("attachTime", a.AttachTime);
            w.Element("deleteOnTermination", a.DeleteOnTermination);
        });
        w.Element("volumeType", volume.VolumeType);
        if (volume.Iops is { } iops) w.Element("iops", iops);
        if (volume.Throughput is { } throughput) w.Element("throughput", throughput);
        w.Element("encrypted", volume.Encrypted);
        w.Element("multiAttachEnabled", false);
        TagXml.TagSet(w, state.TagsOf(volume.Id));
    }

    public static void InstanceBlockDevice(XmlWriter w, Volume volume)
    {
        var attachment = volume.Attachment!;
        w.Element("deviceName", attachment.Device);
        w.Structure("ebs", w =>
        {
            w.Element("volumeId", volume.Id);
            w.Element("status", "attached");
            w.Element("attachTime", attachment.AttachTime);
            w.Element("deleteOnTermination", attachment.DeleteOnTermination);
        });
    }
}
