namespace LocalVpc.Core.Resources;

/// <summary>
/// A network interface: private IPv4 addresses from its subnet (the first is the primary), security groups,
/// and what it belongs to: an instance (through <see cref="Attachment"/>) or an AWS-managed resource
/// (<see cref="RequesterManaged"/>, with <see cref="InterfaceType"/> saying which kind).
/// </summary>
/// <param name="PublicIp">An address from the public pool given at launch (not an Elastic IP; those are Addresses).</param>
public sealed record NetworkInterface(
    string Id,
    string SubnetId,
    string VpcId,
    string AvailabilityZone,
    string AvailabilityZoneId,
    string OwnerId,
    string Description,
    ImmutableArray<string> PrivateIpAddresses,
    ImmutableArray<string> GroupIds,
    string InterfaceType,
    bool RequesterManaged,
    bool SourceDestCheck,
    NetworkInterfaceAttachment? Attachment,
    string? PublicIp) : Resource(Id)
{
    /// <summary>The account EC2 names as the requester of the interfaces it manages (VPC user guide, requester-managed interfaces).</summary>
    public const string AwsRequesterId = "727180483921";

    public string PrivateIpAddress => PrivateIpAddresses[0];

    public string Status => Attachment is not null || RequesterManaged ? "in-use" : "available";

    /// <summary>A locally administered MAC address made from the id, so it is stable and unique within the region.</summary>
    public string MacAddress => "02:" + string.Join(':', Enumerable.Range(0, 5).Select(i => Id.Substring(Id.Length - 10 + 2 * i, 2)));
}
