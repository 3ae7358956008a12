namespace LocalVpc.Core.Resources;

/// <summary>A VPC. <see cref="CidrAssociations"/> lists its primary block first, then secondary ones.</summary>
public sealed record Vpc(
    string Id,
    string OwnerId,
    ImmutableArray<VpcCidrAssociation> CidrAssociations,
    string DhcpOptionsId,
    string InstanceTenancy,
    bool IsDefault,
    bool EnableDnsSupport,
    bool EnableDnsHostnames,
    bool EnableNetworkAddressUsageMetrics) : Resource(Id)
{
    /// <summary>The primary IPv4 block, which stays with the VPC for life.</summary>
    public string CidrBlock => CidrAssociations[0].CidrBlock;

    /// <summary>The VPC's IPv4 blocks, primary first.</summary>
    public IEnumerable<Ipv4Cidr> Cidrs => CidrAssociations.Select(a => a.Cidr);

    /// <summary>A VPC is created and usable at once; AWS shows <c>available</c> right away too.</summary>
    public string State => "available";
}
