using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalVpc.Core.Catalog;

/// <summary>One public AMI as DescribeImages tells it.</summary>
/// <param name="OwnerAlias">AWS's alias for the owner (<c>amazon</c>), or null for other publishers.</param>
public sealed record ImageInfo(
    [property: JsonPropertyName("imageId")] string ImageId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("ownerId")] string OwnerId,
    [property: JsonPropertyName("ownerAlias")] string? OwnerAlias,
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("creationDate")] string CreationDate,
    [property: JsonPropertyName("rootSizeGiB")] int RootSizeGiB,
    [property: JsonPropertyName("rootVolumeType")] string RootVolumeType)
{
    public const string RootDeviceName = "/dev/xvda";

    /// <summary>The snapshot behind the root device, named after the image so it is stable.</summary>
    public string SnapshotId => "snap-" + ImageId["ami-".Length..];
}

/// <summary>
/// The public images LocalVpc knows (<c>images.json</c>): a few common Linux AMIs, the same ids in every region, so that
/// a data source such as Terraform's <c>aws_ami</c> finds one. LocalVpc runs no machine: any well-formed AMI id launches.
/// </summary>
public static class ImageCatalog
{
    /// <summary>The root volume size of an image LocalVpc does not know.</summary>
    public const int DefaultRootSizeGiB = 8;

    public static ImmutableArray<ImageInfo> All { get; } = Load();

    public static ImageInfo? Find(string imageId) => All.FirstOrDefault(i => i.ImageId == imageId);

    private static ImmutableArray<ImageInfo> Load()
    {
        using var stream = typeof(ImageCatalog).Assembly.GetManifestResourceStream("images.json")
            ?? throw new InvalidOperationException("images.json is not embedded");
        return [.. JsonSerializer.Deserialize<ImageInfo[]>(stream) ?? throw new InvalidDataException("images.json")];
    }
}
