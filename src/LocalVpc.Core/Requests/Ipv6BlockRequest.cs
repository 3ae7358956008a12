namespace LocalVpc.Core.Requests;

/// <summary>How CreateVpc and AssociateVpcCidrBlock ask for an IPv6 block.</summary>
/// <param name="AmazonProvided">A /56 from Amazon's pool (<c>AmazonProvidedIpv6CidrBlock</c>).</param>
/// <param name="Ipv6CidrBlock">A block of one's own pool (BYOIP), which needs <paramref name="Ipv6Pool"/>.</param>
/// <param name="NetworkBorderGroup">Where the block is advertised; the region itself unless a Local Zone's group.</param>
public sealed record Ipv6BlockRequest(bool AmazonProvided, string? Ipv6CidrBlock, string? Ipv6Pool, string? NetworkBorderGroup,
    string? Ipv6IpamPoolId = null)
{
    public static readonly Ipv6BlockRequest None = new(false, null, null, null);

    public bool Asked => AmazonProvided || Ipv6CidrBlock is not null || Ipv6Pool is not null || NetworkBorderGroup is not null || Ipv6IpamPoolId is not null;
}
