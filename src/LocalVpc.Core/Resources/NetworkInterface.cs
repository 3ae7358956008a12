namespace LocalVpc.Core.Resources;

/// <summary>
/// A network interface: private IPv4 addresses from its subnet (the first is the primary), IPv6 addresses from the subnet's
/// IPv6 block, security groups,
/// and what it belongs to: an instance (through <see cref="Attachment"/>) or an AWS-managed resource
/// (<see cref="RequesterManaged"/>, with <see cref="InterfaceType"/> saying which kind).
/// </summary>
/// <param name="PublicIp">An address from the public pool given at launch (not an Elastic IP; those are Addresses).</param>
/// <param name="DetachedAttachment">
/// The attachment it last had, shown with status <c>detached</c> while the interface is available: EC2 keeps it readable,
/// and clients wait for exactly that status after a detach.
/// </param>
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
    string? PublicIp,
    NetworkInterfaceAttachment? DetachedAttachment = null,
    ImmutableArray<string> Ipv6Addresses = default,
    bool PrimaryIpv6 = false) : Resource(Id)
{
    /// <summary>Empty, not default, for an interface written before interfaces had IPv6 addresses.</summary>
    public ImmutableArray<string> Ipv6Addresses { get; init; } = Ipv6Addresses.IsDefault ? [] : Ipv6Addresses;

    /// <summary>Whether <paramref name="address"/> is the interface's primary IPv6 address: its first, once primary IPv6 is enabled.</summary>
    public bool IsPrimaryIpv6(string address) => PrimaryIpv6 && Ipv6Address == address;

    /// <summary>The first IPv6 address, which an instance shows as its <c>ipv6Address</c>.</summary>
    public string? Ipv6Address => Ipv6Addresses.IsEmpty ? null : Ipv6Addresses[0];

    /// <summary>The account EC2 names as the requester of the interfaces it manages (VPC user guide, requester-managed interfaces).</summary>
    public const string AwsRequesterId = "727180483921";

    /// <summary>The primary private IPv4 address; null for an interface of an IPv6-only subnet, which has none.</summary>
    public string? PrivateIpAddress => PrivateIpAddresses.IsEmpty ? null : PrivateIpAddresses[0];

    /// <summary>The attachment as DescribeNetworkInterfaces shows it: the current one, else the one last detached.</summary>
    public NetworkInterfaceAttachment? ShownAttachment => Attachment ?? DetachedAttachment;

    public string? AttachmentStatus => Attachment is not null ? "attached" : DetachedAttachment is not null ? "detached" : null;

    public NetworkInterface Attached(NetworkInterfaceAttachment attachment) => this with { Attachment = attachment, DetachedAttachment = null };

    /// <summary>This interface with its attachment taken off.</summary>
    public NetworkInterface Detached() => this with { Attachment = null, DetachedAttachment = Attachment ?? DetachedAttachment };

    public string Status => Attachment is not null || RequesterManaged ? "in-use" : "available";

    /// <summary>A locally administered MAC address made from the id, so it is stable and unique within the region.</summary>
    public string MacAddress => "02:" + string.Join(':', Enumerable.Range(0, 5).Select(i => Id.Substring(Id.Length - 10 + 2 * i, 2)));
}
