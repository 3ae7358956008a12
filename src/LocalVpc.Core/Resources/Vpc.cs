namespace LocalVpc.Core.Resources;

/// <summary>A VPC. <see cref="CidrAssociations"/> lists its primary IPv4 block first, then secondary ones; IPv6 blocks are apart.</summary>
public sealed record Vpc(
    string Id,
    string OwnerId,
    ImmutableArray<VpcCidrAssociation> CidrAssociations,
    string DhcpOptionsId,
    string InstanceTenancy,
    bool IsDefault,
    bool EnableDnsSupport,
    bool EnableDnsHostnames,
    bool EnableNetworkAddressUsageMetrics,
    ImmutableArray<VpcIpv6CidrAssociation> Ipv6CidrAssociations = default) : Resource(Id)
{
    /// <summary>Empty, not default, for a VPC written before VPCs had IPv6 blocks.</summary>
    public ImmutableArray<VpcIpv6CidrAssociation> Ipv6CidrAssociations { get; init; } = Ipv6CidrAssociations.IsDefault ? [] : Ipv6CidrAssociations;

    /// <summary>The VPC's IPv6 blocks (AWS allows up to five).</summary>
    public IEnumerable<Ipv6Cidr> Ipv6Cidrs => Ipv6CidrAssociations.Select(a => a.Cidr);

    public bool HasIpv6 => !Ipv6CidrAssociations.IsEmpty;

    /// <summary>The primary IPv4 block, which stays with the VPC for life.</summary>
    public string CidrBlock => CidrAssociations[0].CidrBlock;

    /// <summary>The VPC's IPv4 blocks, primary first.</summary>
    public IEnumerable<Ipv4Cidr> Cidrs => CidrAssociations.Select(a => a.Cidr);

    /// <summary>A VPC is created and usable at once; AWS shows <c>available</c> right away too.</summary>
    public string State => "available";
}
