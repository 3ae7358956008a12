namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>Image</c> shape for the catalogue's public AMIs.</summary>
public static class ImageXml
{
    public static void Image(XmlWriter w, ImageInfo image)
    {
        w.Element("imageId", image.ImageId);
        w.Element("imageLocation", $"{image.OwnerAlias ?? image.OwnerId}/{image.Name}");
        w.Element("imageState", "available");
        w.Element("imageOwnerId", image.OwnerId);
        w.Element("creationDate", image.CreationDate);
        w.Element("isPublic", true);
        w.Element("architecture", image.Architecture);
        w.Element("imageType", "machine");
        w.Element("imageOwnerAlias", image.OwnerAlias);
        w.Element("name", image.Name);
        w.Element("description", image.Description);
        w.Element("rootDeviceType", "ebs");
        w.Element("rootDeviceName", ImageInfo.RootDeviceName);
        w.List("blockDeviceMapping", [image], (w, i) =>
        {
            w.Element("deviceName", ImageInfo.RootDeviceName);
            w.Structure("ebs", w =>
            {
                w.Element("snapshotId", i.SnapshotId);
                w.Element("volumeSize", i.RootSizeGiB);
                w.Element("deleteOnTermination", true);
                w.Element("volumeType", i.RootVolumeType);
                w.Element("encrypted", false);
            });
        });
        w.Element("virtualizationType", "hvm");
        w.Element("hypervisor", "xen");
        w.Element("enaSupport", true);
        w.Element("sriovNetSupport", "simple");
        w.Element("platformDetails", "Linux/UNIX");
        w.Element("usageOperation", "RunInstances");
        w.Element("bootMode", image.Architecture == "arm64" ? "uefi" : "uefi-preferred");
        w.Element("imdsSupport", "v2.0");
    }
}
