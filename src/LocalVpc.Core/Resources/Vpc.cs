namespace LocalVpc.Core.Resources;

/// <summary>A VPC. <see cref="CidrBlock"/> is the primary block; <see cref="CidrAssociations"/> lists it first, then secondary ones.</summary>
public sealed record Vpc(
    string Id,
    string OwnerId,
    string CidrBlock,
    ImmutableArray<VpcCidrAssociation> CidrAssociations,
    string DhcpOptionsId,
    string InstanceTenancy,
    bool IsDefault,
    bool EnableDnsSupport,
    bool EnableDnsHostnames,
    bool EnableNetworkAddressUsageMetrics) : Resource(Id)
{
    /// <summary>The VPC's IPv4 blocks, primary first.</summary>
    public IEnumerable<Ipv4Cidr> Cidrs => CidrAssociations.Select(a => a.Cidr);

    /// <summary>A VPC is created and usable at once; AWS shows <c>available</c> right away too.</summary>
    public string State => "available";
}
