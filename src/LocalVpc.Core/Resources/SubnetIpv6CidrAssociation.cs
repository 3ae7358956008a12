namespace LocalVpc.Core.Resources;

/// <summary>A subnet's IPv6 block (<c>subnet-cidr-assoc-…</c>): a /64 of one of its VPC's /56 blocks.</summary>
public sealed record SubnetIpv6CidrAssociation(string AssociationId, Ipv6Cidr Cidr)
{
    public string Ipv6CidrBlock => Cidr.ToString();
}
