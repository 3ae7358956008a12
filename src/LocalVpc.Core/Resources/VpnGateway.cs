namespace LocalVpc.Core.Resources;

/// <summary>
/// A virtual private gateway (<c>vgw-…</c>): the VPC's end of a Site-to-Site VPN. LocalVpc keeps it as the API does;
/// there are no tunnels, so nothing is routed through it and it propagates no routes.
/// </summary>
/// <param name="VpcId">The VPC it is attached to; one at a time.</param>
/// <param name="DetachedVpcId">The VPC it was last detached from, listed as <c>detached</c> as EC2 lists it.</param>
public sealed record VpnGateway(string Id, string Type, long AmazonSideAsn, string? AvailabilityZone, string? VpcId, string? DetachedVpcId)
    : Resource(Id)
{
    /// <summary>The ASN AWS gives a gateway when none is asked for.</summary>
    public const long DefaultAmazonSideAsn = 64512;

    public string State => "available";
}
