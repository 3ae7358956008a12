namespace LocalVpc.Core.Resources;

/// <summary>An IPv6 block associated with a VPC (<c>vpc-cidr-assoc-…</c>, the same id space as IPv4 blocks).</summary>
/// <param name="NetworkBorderGroup">Where AWS advertises the block: the region's name unless a Local Zone group was asked for.</param>
/// <param name="Ipv6Pool">The pool it came from: <c>Amazon</c>.</param>
public sealed record VpcIpv6CidrAssociation(string AssociationId, Ipv6Cidr Cidr, string NetworkBorderGroup, string Ipv6Pool)
{
    public string Ipv6CidrBlock => Cidr.ToString();
}
